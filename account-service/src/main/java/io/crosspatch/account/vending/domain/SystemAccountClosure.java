package io.crosspatch.account.vending.domain;

import io.crosspatch.kernel.CloudAccountKey;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A system account released by offboarding, on its way to Organizations CloseAccount. Kept apart from the cloud
 * account's live row so that a re-onboarded cloud account creates a new system account at once, even while the old
 * one still waits out its grace period; the closed account is never handed out again. Immutable.
 *
 * @param key            the cloud account the system account served
 * @param tenantId       the tenant it belonged to
 * @param accountId      the 12-digit AWS account to close
 * @param bucket         the work-list bucket of the cloud account: its owner drives the closure
 * @param state          RELEASED until CloseAccount was accepted, then CLOSED
 * @param closeAt        when CloseAccount is due (the end of the grace period, or the next try after a refusal)
 * @param attempts       CloseAccount calls refused so far
 * @param failureReason  why the last CloseAccount was refused (e.g. {@code CLOSE_ACCOUNT_QUOTA_EXCEEDED}), or null
 * @param failureMessage AWS's words for it, or null
 * @param releasedAt     when patching-service released it
 * @param updatedAt      when this row last changed
 */
public record SystemAccountClosure(
        CloudAccountKey key,
        String tenantId,
        String accountId,
        int bucket,
        ClosureState state,
        Instant closeAt,
        int attempts,
        @Nullable String failureReason,
        @Nullable String failureMessage,
        Instant releasedAt,
        Instant updatedAt) {

    public SystemAccountClosure {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(state, "state");
    }

    /** A system account just released, to be closed once {@code closeAt} has come. */
    public static SystemAccountClosure released(SystemAccount account, String accountId, Instant closeAt, Instant now) {
        return new SystemAccountClosure(
                account.key(),
                account.tenantId(),
                accountId,
                account.bucket(),
                ClosureState.RELEASED,
                closeAt,
                0,
                null,
                null,
                now,
                now);
    }

    public boolean isDue(Instant now) {
        return state == ClosureState.RELEASED && !closeAt.isAfter(now);
    }

    /** Organizations took the CloseAccount (or had closed the account already). */
    public SystemAccountClosure closed(@Nullable String note, Instant now) {
        return new SystemAccountClosure(
                key, tenantId, accountId, bucket, ClosureState.CLOSED, closeAt, attempts, note, null, releasedAt, now);
    }

    /** CloseAccount was refused for now (a quota, a limit, an outage): stay released and try again at {@code next}. */
    public SystemAccountClosure refused(@Nullable String reason, @Nullable String message, Instant next, Instant now) {
        return new SystemAccountClosure(
                key,
                tenantId,
                accountId,
                bucket,
                ClosureState.RELEASED,
                next,
                attempts + 1,
                reason,
                message,
                releasedAt,
                now);
    }
}
