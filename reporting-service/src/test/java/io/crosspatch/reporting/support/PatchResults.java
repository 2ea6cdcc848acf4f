package io.crosspatch.reporting.support;

import io.crosspatch.events.ActivationStage;
import io.crosspatch.events.AgentState;
import io.crosspatch.events.EnrollmentFailed;
import io.crosspatch.events.EnrollmentStage;
import io.crosspatch.events.InstanceActivated;
import io.crosspatch.events.OperatingSystem;
import io.crosspatch.events.OperationOutcome;
import io.crosspatch.events.PatchCounts;
import io.crosspatch.events.PatchDetail;
import io.crosspatch.events.PatchOperation;
import io.crosspatch.events.PatchOperationType;
import io.crosspatch.events.PatchResult;
import io.crosspatch.events.PatchState;
import io.crosspatch.events.PingStatus;
import io.crosspatch.events.Provider;
import io.crosspatch.events.Registration;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Small factories of the events the read model consumes. A patch result's figures follow from its patch list
 * (missing, failed, installed), as SSM's do.
 */
public final class PatchResults {

    private PatchResults() {}

    /** A patch list: {@code installed} installed, {@code missing} missing (the first critical), {@code failed} failed. */
    public static List<PatchDetail> patches(int installed, int missing, int failed, Instant installedAt) {
        List<PatchDetail> patches = new ArrayList<>();
        for (int i = 0; i < installed; i++) {
            patches.add(patch(
                    "KB50" + (1000 + i),
                    "Security update " + i,
                    "SecurityUpdates",
                    "Important",
                    PatchState.INSTALLED,
                    installedAt));
        }
        for (int i = 0; i < missing; i++) {
            patches.add(patch(
                    "KB60" + (1000 + i),
                    "Cumulative update " + i,
                    "CriticalUpdates",
                    i == 0 ? "Critical" : "Moderate",
                    PatchState.MISSING,
                    null));
        }
        for (int i = 0; i < failed; i++) {
            patches.add(patch(
                    "KB70" + (1000 + i), "Servicing stack update " + i, "Updates", "Low", PatchState.FAILED, null));
        }
        return patches;
    }

    public static PatchDetail patch(
            String id, String title, String classification, String severity, PatchState state, Instant installedAt) {
        return PatchDetail.newBuilder()
                .setId(id)
                .setTitle(title)
                .setClassification(classification)
                .setSeverity(severity)
                .setState(state)
                .setInstalledAt(installedAt)
                .setCveIds(List.of())
                .build();
    }

    /** A patch result whose counts match its patch list. */
    public static PatchResult state(
            String tenantId,
            Provider provider,
            String accountId,
            String instanceId,
            Instant occurredAt,
            List<PatchDetail> patches,
            boolean online,
            boolean agentLatest,
            OperationOutcome lastRun) {
        int installed = (int) patches.stream()
                .filter(p -> p.getState() == PatchState.INSTALLED)
                .count();
        int missing = (int)
                patches.stream().filter(p -> p.getState() == PatchState.MISSING).count();
        int failed = (int)
                patches.stream().filter(p -> p.getState() == PatchState.FAILED).count();
        int critical = (int) patches.stream()
                .filter(p -> p.getState() != PatchState.INSTALLED && "Critical".equals(p.getSeverity()))
                .count();
        return PatchResult.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(occurredAt)
                .setTenantId(tenantId)
                .setProvider(provider)
                .setCloudAccountId(accountId)
                .setCloudAccountName("Account " + accountId)
                .setInstanceId(instanceId)
                .setManagedInstanceId("mi-" + String.format("%017x", Math.abs((long) instanceId.hashCode())))
                .setSystemAccountId("210987654321")
                .setHostname("host-" + instanceId)
                .setPlatformName("Microsoft Windows Server 2022 Datacenter")
                .setPlatformVersion("10.0.20348")
                .setOperatingSystem(OperatingSystem.WINDOWS)
                .setPatchGroup("on-time")
                .setBaselineId("pb-0123456789abcdef0")
                .setAgent(AgentState.newBuilder()
                        .setVersion(agentLatest ? "3.3.1142.0" : "3.2.582.0")
                        .setIsLatestVersion(agentLatest)
                        .setPingStatus(online ? PingStatus.ONLINE : PingStatus.CONNECTION_LOST)
                        .setLastPingAt(occurredAt)
                        .build())
                .setCounts(PatchCounts.newBuilder()
                        .setInstalled(installed)
                        .setMissing(missing)
                        .setFailed(failed)
                        .setCriticalNonCompliant(critical)
                        .build())
                .setLastOperation(
                        lastRun == null
                                ? null
                                : PatchOperation.newBuilder()
                                        .setOperation(PatchOperationType.INSTALL)
                                        .setStartedAt(occurredAt.minus(Duration.ofMinutes(20)))
                                        .setEndedAt(occurredAt.minus(Duration.ofMinutes(1)))
                                        .setOutcome(lastRun)
                                        .build())
                .setPatches(patches)
                .build();
    }

    /** The agent registered; no patch result yet. */
    public static InstanceActivated registered(
            String tenantId,
            Provider provider,
            String accountId,
            String instanceId,
            String enrollmentId,
            Instant occurredAt) {
        return InstanceActivated.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(occurredAt)
                .setEnrollmentId(enrollmentId)
                .setTenantId(tenantId)
                .setProvider(provider)
                .setCloudAccountId(accountId)
                .setInstanceId(instanceId)
                .setSystemAccountId("210987654321")
                .setStage(ActivationStage.REGISTERED)
                .setRegistration(Registration.newBuilder()
                        .setManagedInstanceId("mi-0123456789abcdef0")
                        .setTags(Map.of("Patch Group", "early"))
                        .build())
                .build();
    }

    public static EnrollmentFailed failed(
            String tenantId, Provider provider, String accountId, String enrollmentId, Instant occurredAt) {
        return EnrollmentFailed.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(occurredAt)
                .setEnrollmentId(enrollmentId)
                .setStage(EnrollmentStage.ACCOUNT)
                .setReasonCode("EMAIL_ALREADY_EXISTS")
                .setMessage("the system account's e-mail address is taken")
                .setRetryable(false)
                .setTenantId(tenantId)
                .setProvider(provider)
                .setCloudAccountId(accountId)
                .build();
    }
}
