package io.crosspatch.patching.activation.application;

import io.crosspatch.patching.activation.domain.Enrollment;
import io.crosspatch.patching.activation.domain.EnrollmentFailure;
import io.crosspatch.patching.activation.domain.SealedCode;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * What patching-service tells the others about enrollments. Each call returns only once the event is durably
 * published, so a caller marks an event published only after it is; a failure is thrown, never swallowed, and the
 * caller's work is redone.
 */
public interface EnrollmentEvents {

    /** The activation exists: its id, expiry and sealed code, for the VM holding the enrollment. */
    void activationIssued(Enrollment enrollment, String activationId, Instant expiresAt, SealedCode code);

    /**
     * A node registered with the enrollment's activation and carries {@code tags}; {@code replaced} names the node of
     * the VM's previous enrollment that it replaces (deregistered), if any.
     */
    void registered(
            Enrollment enrollment, String managedInstanceId, Map<String, String> tags, Optional<String> replaced);

    /** patching-service gave up on the enrollment. */
    void failed(Enrollment enrollment, EnrollmentFailure failure);
}
