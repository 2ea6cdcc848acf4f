package io.crosspatch.reporting.compliance.domain;

import java.util.Objects;

/**
 * One slice of a cloud account's instances whose figures are aggregated together (see {@link FigureBuckets}).
 *
 * @param account the cloud account this bucket belongs to
 * @param bucket  the bucket number, {@code 0 <= bucket < FigureBuckets.COUNT}
 */
public record BucketRef(AccountRef account, int bucket) {

    public BucketRef {
        Objects.requireNonNull(account, "account");
    }
}
