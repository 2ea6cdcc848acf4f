package io.crosspatch.patching.activation.domain;

import java.time.Instant;

/**
 * An activation of one system account as the registration watcher sees it: the enrollment it was issued for and
 * whether a node registered with it yet ({@code PENDING}), did ({@code REGISTERED}) or never will
 * ({@code EXPIRED}).
 */
public record AccountActivation(
        String activationId, String enrollmentId, Instant expiresAt, String status, String managedInstanceId) {

    public static final String PENDING = "PENDING";

    /** Still waiting for its node: what the watcher looks for and the audit may expire. */
    public boolean pending() {
        return PENDING.equals(status);
    }
}
