package io.crosspatch.simulator.ssm;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A hybrid managed node ({@code mi-…}): what its SSM Agent reported at registration and since, as
 * DescribeInstanceInformation shows it, plus the SSM {@link OperatingSystem} its platform maps to (which decides
 * the patch baseline that applies to it).
 *
 * @param name             the activation's DefaultInstanceName (null when it had none)
 * @param computerName     the host name the agent reported
 * @param platformType     {@code Linux}, {@code Windows} or {@code MacOS}
 * @param platformName     e.g. {@code Ubuntu}, {@code Microsoft Windows Server 2022 Datacenter}
 * @param associationStatus the aggregated association status ({@code Pending}, {@code Success}, {@code Failed}),
 *                         null until an association has run on the node
 */
public record ManagedNode(
        String instanceId,
        String activationId,
        @Nullable String name,
        String computerName,
        @Nullable String ipAddress,
        String platformType,
        String platformName,
        @Nullable String platformVersion,
        OperatingSystem operatingSystem,
        String agentVersion,
        boolean isLatestVersion,
        PingStatus pingStatus,
        Instant lastPingDateTime,
        Instant registrationDate,
        String iamRole,
        Map<String, String> tags,
        @Nullable String associationStatus) {

    /** The tag keys Patch Manager reads a node's patch group from, in the order it looks for them. */
    public static final String PATCH_GROUP_TAG = "Patch Group";

    public static final String PATCH_GROUP_TAG_ALTERNATIVE = "PatchGroup";

    public ManagedNode {
        tags = Tags.copyOf(tags);
    }

    /** The node's patch group: its {@code Patch Group} (or {@code PatchGroup}) tag. */
    public Optional<String> patchGroup() {
        String group = tags.get(PATCH_GROUP_TAG);
        return Optional.ofNullable(group != null ? group : tags.get(PATCH_GROUP_TAG_ALTERNATIVE));
    }

    public boolean hasTag(String key, String value) {
        return value.equals(tags.get(key));
    }

    ManagedNode withTags(Map<String, String> newTags) {
        return new ManagedNode(
                instanceId,
                activationId,
                name,
                computerName,
                ipAddress,
                platformType,
                platformName,
                platformVersion,
                operatingSystem,
                agentVersion,
                isLatestVersion,
                pingStatus,
                lastPingDateTime,
                registrationDate,
                iamRole,
                new LinkedHashMap<>(newTags),
                associationStatus);
    }

    ManagedNode withPing(PingStatus status, Instant lastPing) {
        return new ManagedNode(
                instanceId,
                activationId,
                name,
                computerName,
                ipAddress,
                platformType,
                platformName,
                platformVersion,
                operatingSystem,
                agentVersion,
                isLatestVersion,
                status,
                lastPing,
                registrationDate,
                iamRole,
                tags,
                associationStatus);
    }

    /** The node after its SSM Agent was updated (AWS-UpdateSSMAgent) to {@code version}. */
    ManagedNode withAgent(String version, boolean latest) {
        return new ManagedNode(
                instanceId,
                activationId,
                name,
                computerName,
                ipAddress,
                platformType,
                platformName,
                platformVersion,
                operatingSystem,
                version,
                latest,
                pingStatus,
                lastPingDateTime,
                registrationDate,
                iamRole,
                tags,
                associationStatus);
    }
}
