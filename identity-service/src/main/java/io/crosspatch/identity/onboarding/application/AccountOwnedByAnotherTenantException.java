package io.crosspatch.identity.onboarding.application;

/**
 * The cloud account is onboarded to another tenant. Moving it is never silent: the operator must offboard it there
 * first, because every VM of the account would change customer.
 */
public class AccountOwnedByAnotherTenantException extends RuntimeException {

    public AccountOwnedByAnotherTenantException() {
        super("this cloud account is onboarded to another tenant");
    }
}
