package io.crosspatch.identity.verification.domain;

/** What verifying one enrollment came to: verified (to be published) or rejected with a reason. */
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
}
