package io.crosspatch.patching.support;

import io.crosspatch.patching.activation.application.ActivationIssuer;
import io.crosspatch.patching.activation.application.ActivationRejectedException;
import io.crosspatch.patching.activation.application.ActivationUnavailableException;
import io.crosspatch.patching.activation.domain.Enrollment;
import io.crosspatch.patching.activation.domain.IssuedCode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@link ActivationIssuer} that issues {@code act-1}, {@code act-2}, … with code {@code code-<n>}, and answers an
 * enrollment as SSM would be scripted to: unavailable (throttled, 5xx) or refusing it.
 */
public final class ScriptedActivationIssuer implements ActivationIssuer {

    public static final Instant EXPIRES_AT = Instant.parse("2026-01-02T00:00:00Z");

    private final AtomicInteger next = new AtomicInteger();
    private final Map<String, RuntimeException> scripted = new ConcurrentHashMap<>();
    /** The enrollment ids activations were asked for, in order. */
    public final List<String> asked = new CopyOnWriteArrayList<>();

    public void unavailableFor(String enrollmentId) {
        scripted.put(enrollmentId, new ActivationUnavailableException("ThrottlingException", null));
    }

    public void rejects(String enrollmentId, String errorCode) {
        scripted.put(enrollmentId, new ActivationRejectedException(errorCode, null));
    }

    /** SSM answers normally again. */
    public void recovers(String enrollmentId) {
        scripted.remove(enrollmentId);
    }

    @Override
    public IssuedCode issue(Enrollment enrollment) {
        asked.add(enrollment.enrollmentId());
        RuntimeException failure = scripted.get(enrollment.enrollmentId());
        if (failure != null) {
            throw failure;
        }
        int n = next.incrementAndGet();
        return new IssuedCode("act-" + n, "code-" + n, EXPIRES_AT);
    }
}
