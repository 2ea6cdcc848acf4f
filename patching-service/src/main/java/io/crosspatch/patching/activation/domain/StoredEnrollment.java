package io.crosspatch.patching.activation.domain;

import java.time.Instant;

/** An enrollment's row: its state, and once issued, the activation and whether ACTIVATION_ISSUED went out. */
public record StoredEnrollment(
        Enrollment enrollment,
        EnrollmentState state,
        String activationId,
        String encryptedActivationCode,
        String encryptionKeyId,
        Instant expiresAt,
        boolean issuedPublished,
        String managedInstanceId) {}
