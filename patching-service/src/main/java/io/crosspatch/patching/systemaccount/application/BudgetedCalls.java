package io.crosspatch.patching.systemaccount.application;

import io.crosspatch.patching.systemaccount.domain.SystemAccountRef;
import java.util.function.Function;

/**
 * Calls into a system account under its request budget: a token for the operation first, then the call on the
 * account's client {@code C}. Generic in the client so that features' cloud adapters share one budget per account
 * while this API names no SDK type.
 *
 * @param <C> the client the call is made with (e.g. the SSM client of the account's assumed role)
 */
public interface BudgetedCalls<C> {

    /** Calls {@code operation} (its API name, e.g. {@code CreateActivation}) in {@code account}. */
    <T> T call(SystemAccountRef account, String operation, Function<C, T> call);
}
