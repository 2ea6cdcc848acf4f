package io.crosspatch.simulator.identity;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The simulated VMs of every provider, by the simulator's VM id, and how many requests each VM's metadata service
 * answered (a VM's record is immutable; the count is the simulator's own record of what the guest asked its cloud).
 */
public final class VmRegistry {

    private final Map<String, SimulatedVm> vms = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> metadataRequests = new ConcurrentHashMap<>();

    public SimulatedVm add(SimulatedVm vm) {
        vms.put(vm.vmId(), vm);
        return vm;
    }

    /** Counts one request to the VM's metadata service (IMDS, the GCP metadata server, guestinfo). */
    public void metadataRequested(String vmId) {
        metadataRequests.computeIfAbsent(vmId, id -> new LongAdder()).increment();
    }

    public long metadataRequests(String vmId) {
        LongAdder count = metadataRequests.get(vmId);
        return count == null ? 0 : count.sum();
    }

    /** Forgets the VM (its metadata service stops answering); empty when there was none. */
    public Optional<SimulatedVm> remove(String vmId) {
        metadataRequests.remove(vmId);
        return Optional.ofNullable(vms.remove(vmId));
    }

    public Optional<SimulatedVm> find(String vmId) {
        return Optional.ofNullable(vms.get(vmId));
    }

    /** Every VM, oldest first. */
    public List<SimulatedVm> all() {
        return vms.values().stream()
                .sorted(Comparator.comparing(SimulatedVm::createdAt).thenComparing(SimulatedVm::vmId))
                .toList();
    }
}
