package io.crosspatch.account.vending.web;

import io.crosspatch.account.vending.domain.SystemAccount;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A system account as the operator API shows it; never anything secret. */
record SystemAccountView(
        String tenantId,
        String provider,
        String cloudAccountId,
        String cloudAccountKey,
        String state,
        @Nullable String accountId,
        @Nullable String roleArn,
        String region,
        @Nullable String ssmServiceRoleName,
        String email,
        String accountName,
        @Nullable String createAccountRequestId,
        int createAccountRequests,
        @Nullable String failureReason,
        @Nullable String failureMessage,
        Instant stateSince,
        @Nullable Instant nextAttemptAt,
        Instant updatedAt) {

    static SystemAccountView of(SystemAccount a) {
        return new SystemAccountView(
                a.tenantId(),
                a.key().provider().name().toLowerCase(java.util.Locale.ROOT),
                a.key().cloudAccountId(),
                a.key().toString(),
                a.state().name(),
                a.accountId(),
                a.roleArn(),
                a.region(),
                a.ssmServiceRoleName(),
                a.email(),
                a.accountName(),
                a.createRequestId(),
                a.createRequests(),
                a.failureReason(),
                a.failureMessage(),
                a.stateSince(),
                a.state().isFinal() ? null : a.nextAttemptAt(),
                a.updatedAt());
    }
}
