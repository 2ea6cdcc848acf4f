package io.crosspatch.reporting.compliance.domain;

/**
 * One slice of a cloud account's instances whose figures are aggregated together (see {@link FigureBuckets}).
 *
 * @param tenantId       the owning tenant
 * @param provider       the provider in upper case
 * @param cloudAccountId the cloud account
 * @param bucket         the bucket number, {@code 0 <= bucket < FigureBuckets.COUNT}
 */
public record BucketRef(String tenantId, String provider, String cloudAccountId, int bucket) {

    /** The cloud account this bucket belongs to. */
    public AccountRef account() {
        return new AccountRef(tenantId, provider, cloudAccountId);
    }
}
