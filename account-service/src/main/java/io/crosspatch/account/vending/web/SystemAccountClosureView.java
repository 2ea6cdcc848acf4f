package io.crosspatch.account.vending.web;

import io.crosspatch.account.vending.domain.SystemAccountClosure;
import java.time.Instant;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** The closure of a released system account as the operator API shows it. */
record SystemAccountClosureView(
        String tenantId,
        String provider,
        String cloudAccountId,
        String cloudAccountKey,
        String accountId,
        String state,
        Instant closeAt,
        int refusals,
        @Nullable String failureReason,
        @Nullable String failureMessage,
        Instant releasedAt,
        Instant updatedAt) {

    static SystemAccountClosureView of(SystemAccountClosure c) {
        return new SystemAccountClosureView(
                c.tenantId(),
                c.key().provider().name().toLowerCase(Locale.ROOT),
                c.key().cloudAccountId(),
                c.key().toString(),
                c.accountId(),
                c.state().name(),
                c.closeAt(),
                c.attempts(),
                c.failureReason(),
                c.failureMessage(),
                c.releasedAt(),
                c.updatedAt());
    }
}
