package io.crosspatch.patching.offboarding.application;

import io.crosspatch.patching.offboarding.domain.AccountOffboarding;

/**
 * Retires every enrolled node of an offboarded account with the reason {@code ACCOUNT_OFFBOARDED}: the one call
 * offboarding makes of instance retirement, so that retiring an account's nodes is done the way one instance is
 * retired. Idempotent: a node already gone is fine.
 */
public interface AccountNodesRetirement {

    void retireAll(AccountOffboarding offboarding);
}
