package io.crosspatch.simulator.organizations;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One CreateAccount request and its progress, as DescribeCreateAccountStatus reports it. Whether it will fail is
 * decided when it is requested ({@code plannedFailure}, one of the documented {@code CreateAccountFailureReason}
 * values, or null), but, as in AWS, the caller only learns it when the request completes at {@code dueAt}.
 */
record AccountCreation(
        String id,
        NewAccount request,
        Instant requestedAt,
        Instant dueAt,
        @Nullable String plannedFailure,
        State state,
        @Nullable String accountId) {

    enum State {
        IN_PROGRESS,
        SUCCEEDED,
        FAILED
    }

    static AccountCreation requested(
            String id, NewAccount request, Instant requestedAt, Instant dueAt, @Nullable String plannedFailure) {
        return new AccountCreation(id, request, requestedAt, dueAt, plannedFailure, State.IN_PROGRESS, null);
    }

    boolean willSucceed() {
        return plannedFailure == null;
    }

    AccountCreation succeeded(String newAccountId) {
        return new AccountCreation(id, request, requestedAt, dueAt, null, State.SUCCEEDED, newAccountId);
    }

    AccountCreation failed() {
        return new AccountCreation(id, request, requestedAt, dueAt, plannedFailure, State.FAILED, null);
    }

    /** When the request completed: its due time, however late the simulator noticed; null while in progress. */
    @Nullable
    Instant completedAt() {
        return state == State.IN_PROGRESS ? null : dueAt;
    }

    /** The FailureReason shown to the caller: only once the request has failed. */
    @Nullable
    String failureReason() {
        return state == State.FAILED ? plannedFailure : null;
    }
}
