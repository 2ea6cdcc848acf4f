package io.crosspatch.reporting.compliance.application;

import io.crosspatch.kernel.CloudAccountKey;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One line of the instance list, as the read model holds it, told in named parts: which node it is, how it is
 * set up for patching, and — once a patch result arrived — its agent, its counts and its last run.
 *
 * @param node            which instance
 * @param setup           how it is patched
 * @param platform        platform name and version, null before the first patch result
 * @param agent           the SSM Agent
 * @param counts          the patch counts
 * @param lastRun         the last patching run (its parts null before the first)
 * @param stateObservedAt when the patch state was observed, null while unknown
 * @param retired         when and why the instance was retired, null unless its stage is RETIRED
 */
public record InstanceListing(
        Node node,
        Setup setup,
        String platform,
        Agent agent,
        Counts counts,
        LastRun lastRun,
        Instant stateObservedAt,
        @Nullable Retired retired) {

    public InstanceListing {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(setup, "setup");
        Objects.requireNonNull(agent, "agent");
        Objects.requireNonNull(counts, "counts");
        Objects.requireNonNull(lastRun, "lastRun");
    }

    /**
     * Which instance a line is about.
     *
     * @param account           the cloud account
     * @param instanceId        the provider's instance id
     * @param cloudAccountName  the account's display name, may be null
     * @param hostname          computer name, null before the first patch result
     * @param managedInstanceId SSM node id, null before registration
     */
    public record Node(
            CloudAccountKey account,
            String instanceId,
            String cloudAccountName,
            String hostname,
            String managedInstanceId) {

        public Node {
            Objects.requireNonNull(account, "account");
            Objects.requireNonNull(instanceId, "instanceId");
        }
    }

    /**
     * How an instance is set up for patching.
     *
     * @param operatingSystem the OS whose baseline applies
     * @param patchGroup      patch group
     * @param activationStage {@code ACTIVATION_ISSUED}, {@code REGISTERED}, {@code RETIRED} or null
     */
    public record Setup(String operatingSystem, String patchGroup, String activationStage) {}

    /**
     * A retired instance: listed for a while, counted nowhere.
     *
     * @param at     when it was retired
     * @param reason why ({@code CONNECTION_LOST}, {@code REQUESTED}, {@code ACTIVATION_EXPIRED}, …)
     */
    public record Retired(Instant at, String reason) {}

    /**
     * The SSM Agent of an instance; every part null before the first patch result.
     *
     * @param version    agent version
     * @param latest     whether the agent is the latest, null when unknown
     * @param pingStatus agent ping status
     */
    public record Agent(String version, @Nullable Boolean latest, String pingStatus) {}

    /**
     * The patch counts of an instance.
     *
     * @param installed            installed updates
     * @param missing              pending OS updates
     * @param failed               failed updates
     * @param criticalNonCompliant non-compliant critical updates
     * @param securityNonCompliant non-compliant security updates
     */
    public record Counts(int installed, int missing, int failed, int criticalNonCompliant, int securityNonCompliant) {}

    /**
     * The last patching run of an instance.
     *
     * @param operation {@code SCAN} or {@code INSTALL}, null before the first
     * @param outcome   {@code SUCCEEDED} or {@code FAILED}
     * @param endedAt   when it ended
     */
    public record LastRun(String operation, String outcome, Instant endedAt) {}
}
