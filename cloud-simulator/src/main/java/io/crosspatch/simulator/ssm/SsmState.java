package io.crosspatch.simulator.ssm;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * All of Systems Manager's state: one {@link SsmRegionState} per account and region, created on first use. The
 * API answers from {@code region(call.accountId(), call.region())}, so one account never sees another's resources;
 * only the agent side (a node registering with an activation) looks across accounts.
 */
public final class SsmState {

    private final Map<String, SsmRegionState> regions = new ConcurrentHashMap<>();
    /** The managed nodes whose agent said which simulated VM it runs on, by VM id. */
    private final Map<String, Set<String>> nodesOfVm = new ConcurrentHashMap<>();

    private volatile int standardTierNodeQuota = SsmRegionState.HYBRID_NODE_QUOTA;

    /**
     * How many hybrid-activated nodes an account may hold in one region in the standard tier: AWS's 1,000 unless a
     * test lowered it ({@code POST /_sim/ssm-tiers}) to cross it with a handful of nodes.
     */
    public int standardTierNodeQuota() {
        return standardTierNodeQuota;
    }

    public void standardTierNodeQuota(int quota) {
        if (quota < 1) {
            throw new IllegalArgumentException("the standard-tier node quota must be at least 1, was " + quota);
        }
        standardTierNodeQuota = quota;
    }

    public SsmRegionState region(String accountId, String region) {
        return regions.computeIfAbsent(accountId + "/" + region, key -> new SsmRegionState(accountId, region));
    }

    /** Every account and region that has been used so far. */
    public List<SsmRegionState> regions() {
        return List.copyOf(regions.values());
    }

    /** The account and region holding an activation (activation ids are unique across accounts). */
    public Optional<SsmRegionState> regionWithActivation(String activationId) {
        return regions.values().stream()
                .filter(state -> state.activation(activationId).isPresent())
                .findFirst();
    }

    /** The account and region holding a managed node (instance ids are unique across accounts). */
    public Optional<SsmRegionState> regionWithNode(String instanceId) {
        return regions.values().stream()
                .filter(state -> state.node(instanceId).isPresent())
                .findFirst();
    }

    /** Remembers that the agent of {@code instanceId} runs on the simulated VM {@code vmId}. */
    void nodeRunsOn(String vmId, String instanceId) {
        nodesOfVm.computeIfAbsent(vmId, id -> ConcurrentHashMap.newKeySet()).add(instanceId);
    }

    /**
     * The VM is gone, so its agents stop heartbeating: their nodes turn ConnectionLost with their last ping as it
     * was (what SSM shows after missed pings) and stay registered until someone deregisters them, as in AWS.
     */
    public void vmDeleted(String vmId) {
        Set<String> nodes = nodesOfVm.remove(vmId);
        if (nodes == null) {
            return;
        }
        for (String instanceId : nodes) {
            regionWithNode(instanceId).ifPresent(region -> region.connectionLost(instanceId));
        }
    }
}
