package io.crosspatch.account.vending.messaging;

import io.crosspatch.account.vending.application.VerifiedEnrollment;
import io.crosspatch.events.IdentityVerified;
import io.crosspatch.events.VerifiedIdentity;
import io.crosspatch.schemas.topics.Providers;
import io.crosspatch.servicekit.messaging.NonRetryableEventException;

/**
 * Maps an {@code identity.verified} event to the {@link VerifiedEnrollment} the intake takes. An event without
 * its cloud account, tenant or AWS region can never get a system account, so it is not retryable and goes to
 * the dead-letter topic at once.
 */
final class EnrollmentMapping {

    private EnrollmentMapping() {}

    static VerifiedEnrollment enrollment(IdentityVerified event) {
        VerifiedIdentity identity = event.getIdentity();
        if (identity == null
                || identity.getCloudAccountId() == null
                || identity.getCloudAccountId().isBlank()
                || identity.getTenantId() == null
                || identity.getAwsRegion() == null) {
            throw new NonRetryableEventException(
                    "identity.verified " + event.getEnrollmentId() + " lacks its cloud account, tenant or AWS region");
        }
        return new VerifiedEnrollment(
                event.getEnrollmentId(),
                Providers.accountKey(identity.getProvider(), identity.getCloudAccountId()),
                identity.getTenantId(),
                identity.getAwsRegion(),
                IdentityCodec.encode(identity));
    }
}
