package io.crosspatch.identity.onboarding.application;

/**
 * The tenant has no such cloud account (never onboarded, or onboarded to another tenant, which is not told apart so
 * that no tenant learns another's accounts).
 */
public class CloudAccountNotFoundException extends RuntimeException {

    public CloudAccountNotFoundException() {
        super("this tenant has no such cloud account");
    }
}
