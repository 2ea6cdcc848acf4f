package io.crosspatch.simulator.identity;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The simulated VMs of every provider, by the simulator's VM id. */
public final class VmRegistry {

    private final Map<String, SimulatedVm> vms = new ConcurrentHashMap<>();

    public SimulatedVm add(SimulatedVm vm) {
        vms.put(vm.vmId(), vm);
        return vm;
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
