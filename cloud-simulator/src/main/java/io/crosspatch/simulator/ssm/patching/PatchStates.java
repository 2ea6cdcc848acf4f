package io.crosspatch.simulator.ssm.patching;

import io.crosspatch.simulator.ssm.ManagedNode;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Every managed node's patch record, created the first time a run reaches the node (from its image, as of its
 * registration). Reports are immutable and replaced whole, so API threads always read a consistent one.
 */
final class PatchStates {

    private final PatchCatalogue catalogue;
    private final Map<String, NodePatchRecord> byNode = new ConcurrentHashMap<>();

    PatchStates(PatchCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    NodePatchRecord of(String accountId, String region, ManagedNode node) {
        return byNode.computeIfAbsent(
                key(accountId, region, node.instanceId()),
                key -> new NodePatchRecord(
                        accountId,
                        region,
                        node.patchGroup().orElse(null),
                        NodePatches.fromImage(
                                node.instanceId(), node.operatingSystem().name(), node.registrationDate(), catalogue),
                        null));
    }

    void report(NodePatchRecord record, @Nullable String patchGroup, PatchComplianceReport report) {
        byNode.put(
                key(record.accountId(), record.region(), record.installed().instanceId()),
                record.withReport(patchGroup, report));
    }

    /** The node's last report, if a run has reached it. */
    Optional<NodePatchRecord> reported(String accountId, String region, String instanceId) {
        return Optional.ofNullable(byNode.get(key(accountId, region, instanceId)))
                .filter(record -> record.lastReport() != null);
    }

    /** Every reported node of an account and region, by instance id. */
    List<NodePatchRecord> reported(String accountId, String region) {
        return byNode.values().stream()
                .filter(record -> record.lastReport() != null
                        && record.accountId().equals(accountId)
                        && record.region().equals(region))
                .sorted(Comparator.comparing(record -> record.installed().instanceId()))
                .toList();
    }

    private static String key(String accountId, String region, String instanceId) {
        return accountId + "/" + region + "/" + instanceId;
    }
}
