package io.crosspatch.reporting.compliance.messaging;

import io.crosspatch.events.EnrollmentFailed;
import io.crosspatch.events.InstanceActivated;
import io.crosspatch.events.InstanceRetired;
import io.crosspatch.events.PatchDetail;
import io.crosspatch.events.PatchOperation;
import io.crosspatch.events.PatchResult;
import io.crosspatch.reporting.compliance.domain.EnrollmentFailure;
import io.crosspatch.reporting.compliance.domain.InstanceActivation;
import io.crosspatch.reporting.compliance.domain.InstanceRef;
import io.crosspatch.reporting.compliance.domain.InstanceRetirement;
import io.crosspatch.reporting.compliance.domain.InstanceState;
import io.crosspatch.reporting.compliance.domain.PatchUpdate;
import io.crosspatch.schemas.topics.PatchCountsMapping;
import io.crosspatch.schemas.topics.Providers;
import io.crosspatch.servicekit.messaging.NonRetryableEventException;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * Maps the Avro events to the read model's domain records. A value the contract forbids (a blank tenant or
 * instance id) can never be stored, so it becomes a {@link NonRetryableEventException} and goes to the
 * dead-letter topic at once.
 */
final class EventMapping {

    private EventMapping() {}

    static InstanceState state(PatchResult event) {
        try {
            InstanceRef ref = new InstanceRef(
                    event.getTenantId(),
                    Providers.accountKey(event.getProvider(), event.getCloudAccountId()),
                    event.getInstanceId());
            var agent = event.getAgent();
            return new InstanceState(
                    ref,
                    event.getOccurredAt(),
                    event.getCloudAccountName(),
                    event.getHostname(),
                    event.getManagedInstanceId(),
                    event.getSystemAccountId(),
                    platform(event.getPlatformName(), event.getPlatformVersion()),
                    event.getOperatingSystem().name(),
                    event.getPatchGroup(),
                    event.getBaselineId(),
                    new InstanceState.AgentStatus(
                            agent.getVersion(),
                            agent.getIsLatestVersion(),
                            agent.getPingStatus().name(),
                            agent.getLastPingAt()),
                    PatchCountsMapping.fromAvro(event.getCounts()),
                    lastOperation(event.getLastOperation()),
                    event.getPatches().stream().map(EventMapping::update).toList());
        } catch (RuntimeException e) {
            throw new NonRetryableEventException(
                    "patch result " + event.getEventId() + " breaks the contract: " + e.getMessage(), e);
        }
    }

    static InstanceRetirement retirement(InstanceRetired event) {
        try {
            InstanceRef ref = new InstanceRef(
                    event.getTenantId(),
                    Providers.accountKey(event.getProvider(), event.getCloudAccountId()),
                    event.getInstanceId());
            return new InstanceRetirement(
                    ref,
                    event.getEnrollmentId(),
                    event.getOccurredAt(),
                    event.getReason().name());
        } catch (RuntimeException e) {
            throw new NonRetryableEventException(
                    "retirement " + event.getEventId() + " breaks the contract: " + e.getMessage(), e);
        }
    }

    static InstanceActivation activation(InstanceActivated event) {
        try {
            InstanceRef ref = new InstanceRef(
                    event.getTenantId(),
                    Providers.accountKey(event.getProvider(), event.getCloudAccountId()),
                    event.getInstanceId());
            String managedInstanceId = event.getRegistration() == null
                    ? null
                    : event.getRegistration().getManagedInstanceId();
            String replaced = event.getRegistration() == null
                    ? null
                    : event.getRegistration().getReplacesManagedInstanceId();
            return new InstanceActivation(
                    ref,
                    event.getEnrollmentId(),
                    event.getOccurredAt(),
                    event.getStage().name(),
                    managedInstanceId,
                    event.getSystemAccountId(),
                    replaced);
        } catch (RuntimeException e) {
            throw new NonRetryableEventException(
                    "activation " + event.getEventId() + " breaks the contract: " + e.getMessage(), e);
        }
    }

    /** The failure, or null when no tenant is known: such an enrollment belongs to no tenant's report. */
    static @Nullable EnrollmentFailure failure(EnrollmentFailed event) {
        if (event.getTenantId() == null || event.getTenantId().isBlank()) {
            return null;
        }
        try {
            return new EnrollmentFailure(
                    event.getTenantId(),
                    event.getEnrollmentId(),
                    event.getOccurredAt(),
                    event.getStage().name(),
                    event.getReasonCode(),
                    event.getMessage(),
                    event.getRetryable(),
                    event.getProvider() == null ? null : Providers.fromAvro(event.getProvider()),
                    event.getCloudAccountId());
        } catch (RuntimeException e) {
            throw new NonRetryableEventException(
                    "enrollment failure " + event.getEventId() + " breaks the contract: " + e.getMessage(), e);
        }
    }

    private static PatchUpdate update(PatchDetail patch) {
        return new PatchUpdate(
                patch.getId(),
                patch.getTitle(),
                patch.getClassification(),
                patch.getSeverity(),
                patch.getState().name(),
                patch.getInstalledAt(),
                List.copyOf(patch.getCveIds()));
    }

    private static InstanceState.@Nullable LastOperation lastOperation(PatchOperation operation) {
        return operation == null
                ? null
                : new InstanceState.LastOperation(
                        operation.getOperation().name(),
                        operation.getStartedAt(),
                        operation.getEndedAt(),
                        operation.getOutcome().name());
    }

    private static @Nullable String platform(String name, String version) {
        String platform = Stream.of(name, version).filter(Objects::nonNull).collect(Collectors.joining(" "));
        return platform.isEmpty() ? null : platform;
    }
}
