package io.crosspatch.patching.support;

import io.crosspatch.patching.systemaccount.application.ManagedNodes;
import io.crosspatch.patching.systemaccount.domain.ActivationStatus;
import io.crosspatch.patching.systemaccount.domain.ManagedNode;
import io.crosspatch.patching.systemaccount.domain.SystemAccountRef;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * {@link ManagedNodes} in memory: what SSM of each system account holds (nodes with the activation they registered
 * with and their tags, activations with their expiry and use), and a record of the watcher's lookups and changes.
 * {@link #unreachable} makes an account's SSM fail as an outage does.
 */
public final class InMemoryManagedNodes implements ManagedNodes {

    private final Map<String, Map<String, ManagedNode>> nodes = new LinkedHashMap<>();
    private final Map<String, Map<String, String>> tags = new LinkedHashMap<>();
    private final Map<String, Map<String, ActivationStatus>> activations = new LinkedHashMap<>();
    private final Set<String> unreachable = new HashSet<>();
    private Runnable meanwhile = () -> {};
    /** The size of every activation-id lookup, in order. */
    public final List<Integer> lookups = new CopyOnWriteArrayList<>();

    public final List<String> deregistered = new CopyOnWriteArrayList<>();
    public final List<String> deletedActivations = new CopyOnWriteArrayList<>();
    /** Tags added, per node. */
    public final Map<String, Map<String, String>> added = new LinkedHashMap<>();

    /** A node registers in {@code account} with {@code activationId} (null: not by activation) and carries {@code nodeTags}. */
    public synchronized ManagedNode register(
            SystemAccountRef account, String instanceId, String activationId, Map<String, String> nodeTags) {
        ManagedNode node = new ManagedNode(
                instanceId,
                activationId,
                "Online",
                Instant.EPOCH,
                "3.3.0.0",
                true,
                "Ubuntu",
                "22.04",
                "host-" + instanceId);
        nodes.computeIfAbsent(account.accountId(), id -> new LinkedHashMap<>()).put(instanceId, node);
        tags.put(instanceId, new LinkedHashMap<>(nodeTags));
        return node;
    }

    /** How SSM reports an activation. */
    public synchronized void activation(
            SystemAccountRef account, String activationId, boolean expired, int registrations) {
        activations
                .computeIfAbsent(account.accountId(), id -> new LinkedHashMap<>())
                .put(activationId, new ActivationStatus(activationId, expired, registrations));
    }

    /** Runs {@code action} before answering each activation-id lookup: what another instance does meanwhile. */
    public synchronized void beforeLookup(Runnable action) {
        this.meanwhile = action;
    }

    public synchronized void unreachable(SystemAccountRef account) {
        unreachable.add(account.accountId());
    }

    public synchronized Map<String, String> tagsOf(String instanceId) {
        return Map.copyOf(tags.get(instanceId));
    }

    @Override
    public synchronized List<ManagedNode> nodesOfActivations(SystemAccountRef account, List<String> activationIds) {
        reach(account);
        if (activationIds.size() > BATCH) {
            throw new IllegalArgumentException("SSM filters on at most " + BATCH + " activation ids");
        }
        lookups.add(activationIds.size());
        meanwhile.run();
        return allNodes(account).stream()
                .filter(node -> activationIds.contains(node.activationId()))
                .toList();
    }

    @Override
    public synchronized List<ManagedNode> allNodes(SystemAccountRef account) {
        reach(account);
        return new ArrayList<>(nodes.getOrDefault(account.accountId(), Map.of()).values());
    }

    @Override
    public synchronized Map<String, String> tags(SystemAccountRef account, String instanceId) {
        reach(account);
        return Map.copyOf(tags.getOrDefault(instanceId, Map.of()));
    }

    @Override
    public synchronized void addTags(SystemAccountRef account, String instanceId, Map<String, String> newTags) {
        reach(account);
        tags.computeIfAbsent(instanceId, id -> new LinkedHashMap<>()).putAll(newTags);
        added.computeIfAbsent(instanceId, id -> new LinkedHashMap<>()).putAll(newTags);
    }

    @Override
    public synchronized boolean deregister(SystemAccountRef account, String instanceId) {
        reach(account);
        deregistered.add(instanceId);
        return nodes.getOrDefault(account.accountId(), new LinkedHashMap<>()).remove(instanceId) != null;
    }

    @Override
    public synchronized List<ActivationStatus> activations(SystemAccountRef account, List<String> activationIds) {
        reach(account);
        if (activationIds.size() > BATCH) {
            throw new IllegalArgumentException("SSM filters on at most " + BATCH + " activation ids");
        }
        return activations.getOrDefault(account.accountId(), Map.of()).values().stream()
                .filter(status -> activationIds.contains(status.activationId()))
                .toList();
    }

    @Override
    public synchronized boolean deleteActivation(SystemAccountRef account, String activationId) {
        reach(account);
        deletedActivations.add(activationId);
        return activations
                        .getOrDefault(account.accountId(), new LinkedHashMap<>())
                        .remove(activationId)
                != null;
    }

    private void reach(SystemAccountRef account) {
        if (unreachable.contains(account.accountId())) {
            throw new IllegalStateException("SSM of " + account.accountId() + " unavailable");
        }
    }
}
