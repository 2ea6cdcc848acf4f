package io.crosspatch.simulator.ssm.patching;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * What is installed on one managed node: the simulation's ground truth, changed only by Install runs. A node
 * arrives with part of its OS's older patches already installed (its image), so baselines that approve less
 * still see some "installed other" patches.
 */
public final class NodePatches {

    private static final Duration IMAGE_AGE = Duration.ofDays(60);

    private final String instanceId;
    private final String operatingSystem;
    private final Map<String, Instant> installed = new ConcurrentHashMap<>();
    private final Set<String> pendingReboot = ConcurrentHashMap.newKeySet();

    private NodePatches(String instanceId, String operatingSystem) {
        this.instanceId = instanceId;
        this.operatingSystem = operatingSystem;
    }

    /** A node as it registers: every third patch older than its image installed, two days after release. */
    public static NodePatches fromImage(
            String instanceId, String operatingSystem, Instant registeredAt, PatchCatalogue catalogue) {
        NodePatches node = new NodePatches(instanceId, operatingSystem);
        for (CataloguePatch patch : catalogue.released(operatingSystem, registeredAt.minus(IMAGE_AGE))) {
            if (Math.floorMod((instanceId + patch.id()).hashCode(), 3) == 0) {
                node.installed.put(patch.id(), patch.releaseDate().plus(Duration.ofDays(2)));
            }
        }
        return node;
    }

    public String instanceId() {
        return instanceId;
    }

    public String operatingSystem() {
        return operatingSystem;
    }

    /** About one patch in eight does not apply to a given node (a package it does not have). */
    boolean applies(CataloguePatch patch) {
        return Math.floorMod((patch.id() + "@" + instanceId).hashCode(), 8) != 0;
    }

    @Nullable
    Instant installedAt(String patchId) {
        return installed.get(patchId);
    }

    boolean isPendingReboot(String patchId) {
        return pendingReboot.contains(patchId);
    }

    void install(CataloguePatch patch, Instant at, boolean awaitingReboot) {
        installed.put(patch.id(), at);
        if (awaitingReboot) {
            pendingReboot.add(patch.id());
        }
    }

    void reboot() {
        pendingReboot.clear();
    }
}
