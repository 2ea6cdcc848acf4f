package io.crosspatch.patching.systemaccount.aws;

import io.crosspatch.patching.systemaccount.application.BudgetedCalls;
import io.crosspatch.patching.systemaccount.domain.RequestBudget;
import io.crosspatch.patching.systemaccount.domain.SystemAccountRef;
import java.util.function.Function;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * Every SSM call patching-service makes goes through here: first a token from the account's budget for that
 * operation, then the call on the account's assumed-role client (whose SDK retries what is still throttled).
 */
final class BudgetedSsm implements BudgetedCalls<SsmClient> {

    private final SsmSessions sessions;
    private final RequestBudget budget;

    public BudgetedSsm(SsmSessions sessions, RequestBudget budget) {
        this.sessions = sessions;
        this.budget = budget;
    }

    /** Calls {@code operation} (its SSM name, e.g. {@code CreateActivation}) in {@code account}. */
    @Override
    public <T> T call(SystemAccountRef account, String operation, Function<SsmClient, T> call) {
        budget.spend(account.accountId(), operation);
        return call.apply(sessions.ssm(account));
    }
}
