package io.crosspatch.account.vending.application;

import io.crosspatch.kernel.CloudAccountKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The enrollments waiting for a system account, partitioned by cloud account so one read finds them all. */
public interface WaitingEnrollments {

    /** Records the enrollment unless it is known; answers the stored one when it was already there. */
    Optional<WaitingEnrollment> recordIfAbsent(WaitingEnrollment enrollment);

    /** The enrollments of the cloud account whose outcome is not yet published. */
    List<WaitingEnrollment> unresolved(CloudAccountKey key);

    /**
     * Takes the right to publish the enrollment's outcome for {@code lease}: false when it is resolved or another
     * publisher holds an unexpired lease. A publisher that dies leaves a lease that simply expires.
     */
    boolean claimPublication(CloudAccountKey key, String enrollmentId, Instant now, Duration lease);

    void resolve(CloudAccountKey key, String enrollmentId, String outcome);
}
