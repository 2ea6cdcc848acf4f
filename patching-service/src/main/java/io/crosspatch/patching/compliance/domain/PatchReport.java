package io.crosspatch.patching.compliance.domain;

import io.crosspatch.kernel.CloudAccountKey;
import io.crosspatch.kernel.PatchCounts;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The whole patch state of one managed instance at one moment, as {@code patch.results} carries it — in the rules'
 * own types, so it is assembled, fingerprinted and tested without the Avro classes; the messaging adapter maps it to
 * the wire record.
 *
 * @param eventId       unique per report, for consumers' de-duplication
 * @param occurredAt    when the state was observed
 * @param node          which instance, whose, and what it runs
 * @param baselineId    the baseline its last operation used, absent before the first
 * @param agent         the SSM Agent on the node
 * @param counts        the patch counts of the last operation (all zero before the first)
 * @param lastOperation the last Scan or Install, absent before the first
 * @param patches       every patch SSM reports for the node
 */
public record PatchReport(
        UUID eventId,
        Instant occurredAt,
        Node node,
        Optional<String> baselineId,
        Agent agent,
        PatchCounts counts,
        Optional<Operation> lastOperation,
        List<ReportedPatch> patches) {

    public PatchReport {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(baselineId, "baselineId");
        Objects.requireNonNull(agent, "agent");
        Objects.requireNonNull(counts, "counts");
        Objects.requireNonNull(lastOperation, "lastOperation");
        patches = List.copyOf(patches);
    }

    /**
     * The instance: the enrollment's identity and what SSM says it runs. Name, platform name and version may be
     * unknown (null), as on the wire.
     */
    public record Node(
            String tenantId,
            CloudAccountKey cloudAccount,
            String cloudAccountName,
            String instanceId,
            String managedInstanceId,
            String systemAccountId,
            String hostname,
            String platformName,
            String platformVersion,
            String operatingSystem,
            String patchGroup) {

        public Node {
            Objects.requireNonNull(cloudAccount, "cloudAccount");
        }
    }

    /** The SSM Agent: its version (null when unknown), whether it is the latest, its ping status and last ping. */
    public record Agent(String version, boolean latestVersion, Ping pingStatus, Instant lastPingAt) {

        public Agent {
            Objects.requireNonNull(pingStatus, "pingStatus");
        }
    }

    /** SSM's ping status of an agent. */
    public enum Ping {
        ONLINE,
        CONNECTION_LOST,
        INACTIVE,
        UNKNOWN;

        /** SSM's {@code PingStatus}; a status this version does not know, or none, is unknown. */
        public static Ping ofSsm(String ssmPing) {
            if (ssmPing == null) {
                return UNKNOWN;
            }
            return switch (ssmPing) {
                case "Online" -> ONLINE;
                case "ConnectionLost" -> CONNECTION_LOST;
                case "Inactive" -> INACTIVE;
                default -> UNKNOWN;
            };
        }
    }

    /** The last patching operation: which, when, and whether it succeeded. */
    public record Operation(Type type, Instant startedAt, Instant endedAt, Outcome outcome) {

        public Operation {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(startedAt, "startedAt");
            Objects.requireNonNull(endedAt, "endedAt");
            Objects.requireNonNull(outcome, "outcome");
        }

        /** AWS-RunPatchBaseline's Operation. */
        public enum Type {
            SCAN,
            INSTALL
        }

        /** FAILED when a patch failed to install or the install window's execution failed. */
        public enum Outcome {
            SUCCEEDED,
            FAILED
        }
    }
}
