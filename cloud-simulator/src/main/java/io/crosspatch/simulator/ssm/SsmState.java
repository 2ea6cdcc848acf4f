package io.crosspatch.simulator.ssm;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * All of Systems Manager's state: one {@link SsmRegionState} per account and region, created on first use. The
 * API answers from {@code region(call.accountId(), call.region())}, so one account never sees another's resources;
 * only the agent side (a node registering with an activation) looks across accounts.
 */
public final class SsmState {

    private final Map<String, SsmRegionState> regions = new ConcurrentHashMap<>();

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
}
