package io.crosspatch.reporting.compliance.domain;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An instance got its SSM activation ({@code ACTIVATION_ISSUED}) or registered ({@code REGISTERED}). The
 * instance exists from then on and is counted, with an unknown patch state until its first patch result.
 *
 * @param ref               which instance
 * @param enrollmentId      the enrollment it came from
 * @param occurredAt        when it happened
 * @param stage             {@code ACTIVATION_ISSUED} or {@code REGISTERED}
 * @param managedInstanceId the SSM managed node id, present once registered
 * @param systemAccountId   the AWS system account
 * @param replacedManagedInstanceId the node of the instance's previous enrollment this registration replaced (a
 *                          re-enrolled VM): deregistered, so its state is dropped and its later results ignored
 */
public record InstanceActivation(
        InstanceRef ref,
        String enrollmentId,
        Instant occurredAt,
        String stage,
        @Nullable String managedInstanceId,
        String systemAccountId,
        @Nullable String replacedManagedInstanceId) {

    public InstanceActivation {
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(stage, "stage");
    }
}
