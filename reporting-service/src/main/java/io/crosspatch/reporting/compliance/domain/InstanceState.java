package io.crosspatch.reporting.compliance.domain;

import io.crosspatch.kernel.PatchCounts;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The whole patch state of one managed instance at one moment, as one {@code patch.results} event carries it.
 * It is a state, not a delta: the read model keeps the one with the newest {@code observedAt} per instance.
 *
 * @param ref               which instance
 * @param observedAt        when SSM reported this state (the event's {@code occurredAt}); newest wins
 * @param cloudAccountName  the cloud account's display name, null when the event did not carry one
 * @param hostname          the node's computer name
 * @param managedInstanceId the SSM managed node id
 * @param systemAccountId   the AWS system account the node is managed in
 * @param platform          the platform name and version SSM reports, e.g. {@code Ubuntu 22.04}
 * @param operatingSystem   the operating system whose baseline applies
 * @param patchGroup        the node's patch group
 * @param baselineId        the baseline the last operation used, may be null
 * @param agent             the SSM Agent's state
 * @param counts            the patch counts
 * @param lastOperation     the last patching operation, null before the first one
 * @param patches           every update SSM reports for the node
 */
public record InstanceState(
        InstanceRef ref,
        Instant observedAt,
        String cloudAccountName,
        String hostname,
        String managedInstanceId,
        String systemAccountId,
        @Nullable String platform,
        String operatingSystem,
        String patchGroup,
        String baselineId,
        AgentStatus agent,
        PatchCounts counts,
        @Nullable LastOperation lastOperation,
        List<PatchUpdate> patches) {

    public InstanceState {
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(observedAt, "observedAt");
        Objects.requireNonNull(agent, "agent");
        Objects.requireNonNull(counts, "counts");
        patches = patches == null ? List.of() : List.copyOf(patches);
    }

    /**
     * The SSM Agent on the node.
     *
     * @param version    the agent version, may be null
     * @param latest     false when a newer agent is available: a pending agent update
     * @param pingStatus SSM's ping status, e.g. {@code ONLINE}
     * @param lastPingAt when the agent last checked in, may be null
     */
    public record AgentStatus(String version, boolean latest, String pingStatus, Instant lastPingAt) {

        /** Whether SSM currently sees the agent. */
        public boolean online() {
            return "ONLINE".equals(pingStatus);
        }
    }

    /**
     * The last {@code AWS-RunPatchBaseline} run SSM recorded.
     *
     * @param operation {@code SCAN} or {@code INSTALL}
     * @param startedAt when it started
     * @param endedAt   when it ended
     * @param outcome   {@code SUCCEEDED} or {@code FAILED}
     */
    public record LastOperation(String operation, Instant startedAt, Instant endedAt, String outcome) {}
}
