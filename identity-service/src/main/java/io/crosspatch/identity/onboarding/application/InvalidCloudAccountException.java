package io.crosspatch.identity.onboarding.application;

/** Onboarding settings that break a rule (unknown provider, account id of the wrong shape, bad patch group…). */
public class InvalidCloudAccountException extends RuntimeException {

    private final String code;

    public InvalidCloudAccountException(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
