package io.crosspatch.identity.verification.domain;

import io.crosspatch.kernel.CloudProvider;

/**
 * What verifying one enrollment came to: verified (to be published), rejected with a reason, or deferred because a
 * trust source it needs is unavailable (parked until its ticket is due).
 */
public sealed interface VerificationOutcome {

    String enrollmentId();

    record Verified(VerifiedEnrollment enrollment) implements VerificationOutcome {
        @Override
        public String enrollmentId() {
            return enrollment.enrollmentId();
        }
    }

    /**
     * @param provider the provider, when the identity was read far enough to know it
     * @param cloudAccountId the signed cloud account, when known
     * @param tenantId the tenant, when the account was found
     */
    record Rejected(String enrollmentId, RejectionReason reason, String message, CloudProvider provider,
            String cloudAccountId, String tenantId) implements VerificationOutcome {
    }

    /** Not decided: the trust source {@code message} names could not be read; verify again when {@code ticket} is due. */
    record Deferred(String enrollmentId, RetryTicket ticket, String message) implements VerificationOutcome {
    }
}
