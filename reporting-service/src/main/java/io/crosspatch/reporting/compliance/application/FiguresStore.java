package io.crosspatch.reporting.compliance.application;

import io.crosspatch.kernel.CloudAccountKey;
import io.crosspatch.reporting.compliance.domain.AccountFigures;
import io.crosspatch.reporting.compliance.domain.AccountRef;
import io.crosspatch.reporting.compliance.domain.BucketRef;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The figures of the summary, kept as aggregates that are recomputed from what they sum (never counted up), so
 * recomputing twice gives the same figures and no redelivered event can skew them.
 */
public interface FiguresStore {

    /** Recomputes a bucket's figures from its instances. */
    CompletableFuture<Void> recompute(BucketRef bucket);

    /** Recomputes an account's figures from its buckets; call it after the buckets were recomputed. */
    CompletableFuture<Void> recompute(AccountRef account);

    /** The figures per cloud account of a tenant, in provider and account order. */
    Map<CloudAccountKey, AccountFigures> figuresOf(String tenantId);
}
