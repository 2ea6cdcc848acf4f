package io.crosspatch.identity.verification.domain;

/**
 * A verdict, not a fault: the identity or the request breaks a rule. Thrown where the rule is checked and turned
 * into {@code enrollment.failed} by the application service; never retried. The message names the rule, never
 * the token or document itself.
 */
public class IdentityRejectedException extends RuntimeException {

    private final RejectionReason reason;

    public IdentityRejectedException(RejectionReason reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
    }

    public RejectionReason reason() {
        return reason;
    }
}
