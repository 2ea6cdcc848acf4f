package io.crosspatch.patching.activation.application;

import io.crosspatch.patching.activation.domain.AccountActivation;
import io.crosspatch.patching.activation.domain.Enrollment;
import io.crosspatch.patching.activation.domain.SealedCode;
import io.crosspatch.patching.activation.domain.StoredEnrollment;
import io.crosspatch.patching.systemaccount.domain.SystemAccountRef;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Where enrollments and their activations are kept. The intake and the registration watcher run on several
 * instances and see redeliveries, so every transition that must happen once answers whether this caller made it
 * ({@link #claim}, {@link #markRegistered}, {@link #markExpired}): the store, not the caller, decides the race.
 */
public interface EnrollmentStore {

    /** Takes the enrollment on; false when it already was (a duplicate or a redelivery). */
    boolean claim(Enrollment enrollment, Instant at);

    /** The enrollment's row, its system account being {@code account}. */
    Optional<StoredEnrollment> find(String enrollmentId, SystemAccountRef account);

    /** Records the issued activation (state ISSUED) and adds it, PENDING, to its account's activations. */
    void markIssued(Enrollment enrollment, String activationId, SealedCode code, Instant expiresAt);

    /** ACTIVATION_ISSUED was acknowledged by the broker. */
    void markPublished(String enrollmentId);

    void markFailed(String enrollmentId);

    /** Every activation of the system account, whatever its status. */
    List<AccountActivation> activationsOf(String accountId);

    /** Records the node that registered with the activation; false when another sweep already did. */
    boolean markRegistered(String accountId, String activationId, String enrollmentId, String managedInstanceId);

    /** Marks an unused activation expired; false when another sweep already did. */
    boolean markExpired(String accountId, String activationId);

    /**
     * The enrollment was retired: it is RETIRED and its activation (when it had one) is no longer watched. Repeating
     * it changes nothing.
     */
    void markRetired(String accountId, @Nullable String activationId, String enrollmentId);
}
