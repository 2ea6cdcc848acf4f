package io.crosspatch.account.vending.application;

import io.crosspatch.account.vending.domain.SystemAccount;
import io.crosspatch.kernel.CloudAccountKey;
import java.time.Instant;

/**
 * The system accounts a cloud account had before its current one. Writing one is idempotent (one row per e-mail
 * address), so an archival interrupted by a crash is simply done again; their number is the next creation's
 * generation ({@link io.crosspatch.account.vending.domain.AccountNaming}).
 */
public interface SystemAccountHistory {

    /**
     * Keeps {@code account} as a former system account of its cloud account.
     *
     * @param endedAs {@code RELEASED} (offboarding) or {@code RESET} (an operator, from FAILED)
     * @param endedBy who ended it: the operator's token subject, or the service that released it
     */
    void archive(SystemAccount account, String endedAs, String endedBy, Instant at);

    /** How many system accounts the cloud account had before: the generation of its next one. */
    int generations(CloudAccountKey key);
}
