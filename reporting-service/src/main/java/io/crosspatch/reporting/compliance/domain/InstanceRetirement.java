package io.crosspatch.reporting.compliance.domain;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An instance was retired: it leaves its account's figures at once and stays in the instance list as
 * {@code RETIRED} for a while. Written at its own time like every event, so only a newer activation (the same VM
 * enrolling again) brings the instance back; a late patch result does not.
 *
 * @param ref          which instance
 * @param enrollmentId the enrollment that was retired
 * @param retiredAt    when it was retired
 * @param reason       {@code CONNECTION_LOST}, {@code REQUESTED}, {@code ACTIVATION_EXPIRED} or
 *                     {@code ACCOUNT_OFFBOARDED}
 */
public record InstanceRetirement(InstanceRef ref, @Nullable String enrollmentId, Instant retiredAt, String reason) {

    /** The activation stage of a retired instance. */
    public static final String RETIRED = "RETIRED";

    public InstanceRetirement {
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(retiredAt, "retiredAt");
        Objects.requireNonNull(reason, "reason");
    }
}
