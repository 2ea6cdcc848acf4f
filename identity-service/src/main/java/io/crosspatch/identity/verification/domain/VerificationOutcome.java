package io.crosspatch.identity.verification.domain;

import io.crosspatch.kernel.CloudProvider;
import org.jspecify.annotations.Nullable;

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
    record Rejected(
            String enrollmentId,
            RejectionReason reason,
            @Nullable String message,
            CloudProvider provider,
            @Nullable String cloudAccountId,
            @Nullable String tenantId)
            implements VerificationOutcome {}

    /** Not decided: the trust source {@code message} names could not be read; verify again when {@code ticket} is due. */
    record Deferred(
            String enrollmentId,
            RetryTicket ticket,
            @Nullable String message) implements VerificationOutcome {}
}
