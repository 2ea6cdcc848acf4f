package io.crosspatch.patching.support;

import io.crosspatch.patching.activation.application.EnrollmentEvents;
import io.crosspatch.patching.activation.domain.Enrollment;
import io.crosspatch.patching.activation.domain.EnrollmentFailure;
import io.crosspatch.patching.activation.domain.SealedCode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@link EnrollmentEvents} that keeps what was published, in order; {@link #refuseNext} makes the next sends fail
 * as an unreachable broker does (the send throws, nothing is recorded).
 */
public final class RecordedEnrollmentEvents implements EnrollmentEvents {

    /** ACTIVATION_ISSUED as published. */
    public record Issued(String enrollmentId, String activationId, Instant expiresAt, SealedCode code) {}

    /** REGISTERED as published. */
    public record Registered(String enrollmentId, String managedInstanceId, Map<String, String> tags) {}

    /** enrollment.failed as published. */
    public record Failed(String enrollmentId, EnrollmentFailure failure) {}

    public final List<Issued> issued = new CopyOnWriteArrayList<>();
    public final List<Registered> registered = new CopyOnWriteArrayList<>();
    public final List<Failed> failed = new CopyOnWriteArrayList<>();
    /** The previous node each registered node replaced, by the new node. */
    public final Map<String, String> replacements = new ConcurrentHashMap<>();

    private final AtomicInteger refusals = new AtomicInteger();

    /** The next {@code sends} sends throw. */
    public void refuseNext(int sends) {
        refusals.set(sends);
    }

    @Override
    public void activationIssued(Enrollment enrollment, String activationId, Instant expiresAt, SealedCode code) {
        send();
        issued.add(new Issued(enrollment.enrollmentId(), activationId, expiresAt, code));
    }

    @Override
    public void registered(
            Enrollment enrollment, String managedInstanceId, Map<String, String> tags, Optional<String> replaced) {
        send();
        registered.add(new Registered(enrollment.enrollmentId(), managedInstanceId, Map.copyOf(tags)));
        replaced.ifPresent(old -> replacements.put(managedInstanceId, old));
    }

    @Override
    public void failed(Enrollment enrollment, EnrollmentFailure failure) {
        send();
        failed.add(new Failed(enrollment.enrollmentId(), failure));
    }

    private void send() {
        if (refusals.getAndUpdate(left -> Math.max(0, left - 1)) > 0) {
            throw new IllegalStateException("could not publish: broker unreachable");
        }
    }
}
