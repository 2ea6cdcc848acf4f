package io.crosspatch.simulator.identity;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import io.crosspatch.simulator.client.SimulatorPaths;
import io.crosspatch.simulator.control.SimClock;
import io.crosspatch.simulator.http.Http;
import io.crosspatch.simulator.http.Route;
import io.crosspatch.simulator.identity.vmware.VmwareCloud;
import java.io.IOException;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * {@code /_sim/vms}: create and show simulated VMs, and serve each VM's metadata service under its own base URL
 * ({@code /_sim/vms/<vmId>/metadata}), where the startup script finds the cloud's real paths. A VM's view counts the
 * requests its metadata service answered ({@code metadataRequests}), so a test can tell whether a guest asked.
 * {@code DELETE /_sim/vms/<vmId>} deletes the VM: its metadata service stops answering (404) and the deletion is
 * handed on (to SSM, whose nodes running on the VM stop heartbeating).
 */
final class VmRoute implements Route {

    static final String PREFIX = SimulatorPaths.VMS;

    private final VmRegistry vms;
    private final Map<Provider, CloudIdentity> clouds;
    private final VmwareCloud vmware;
    private final SimClock clock;
    private final String simulatorUrl;
    private final Consumer<SimulatedVm> deletions;

    VmRoute(
            VmRegistry vms,
            Map<Provider, CloudIdentity> clouds,
            VmwareCloud vmware,
            SimClock clock,
            String simulatorUrl,
            Consumer<SimulatedVm> deletions) {
        this.vms = vms;
        this.clouds = clouds;
        this.vmware = vmware;
        this.clock = clock;
        this.simulatorUrl = simulatorUrl;
        this.deletions = deletions;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        String rest = exchange.getRequestURI().getPath().substring(PREFIX.length());
        String method = exchange.getRequestMethod();
        if (rest.isEmpty() || rest.equals("/")) {
            switch (method) {
                case "POST" -> create(exchange);
                case "GET" -> list(exchange);
                default -> Http.error(exchange, 405, "METHOD_NOT_ALLOWED", "POST creates a VM, GET lists them");
            }
            return;
        }
        int end = rest.indexOf('/', 1);
        String vmId = rest.substring(1, end < 0 ? rest.length() : end);
        String tail = end < 0 ? "" : rest.substring(end);
        Optional<SimulatedVm> found = rest.startsWith("/") ? vms.find(vmId) : Optional.empty();
        if (found.isEmpty()) {
            Http.error(exchange, 404, "VM_NOT_FOUND", "no simulated VM " + vmId);
            return;
        }
        SimulatedVm vm = found.get();
        if (tail.startsWith("/metadata/")) {
            vms.metadataRequested(vm.vmId());
            cloud(vm.provider()).metadata(vm, tail.substring("/metadata".length()), exchange);
        } else if (tail.isEmpty() && method.equals("GET")) {
            Http.json(exchange, 200, view(vm));
        } else if (tail.isEmpty() && method.equals("DELETE")) {
            ObjectNode deleted = view(vm);
            vms.remove(vm.vmId());
            deletions.accept(vm);
            Http.json(exchange, 200, deleted);
        } else if (tail.equals("/vmware-token") && method.equals("POST")) {
            if (vm.provider() != Provider.VMWARE) {
                throw new InvalidRequestException("NOT_A_VMWARE_VM", "only VMware VMs carry a guestinfo token");
            }
            Http.json(exchange, 200, Http.JSON.createObjectNode().put("token", vmware.remint(vm)));
        } else {
            Http.error(exchange, 404, "NOT_FOUND", "no endpoint " + method + " " + PREFIX + rest);
        }
    }

    private void create(HttpExchange exchange) throws IOException {
        VmRequest request = VmRequest.parse(Http.jsonBody(exchange));
        String vmId = "vm-" + Ids.hex(16);
        SimulatedVm vm = vms.add(cloud(request.provider()).create(request, vmId, clock.instant()));
        Http.json(exchange, 201, view(vm));
    }

    private void list(HttpExchange exchange) throws IOException {
        ArrayNode list = Http.JSON.createArrayNode();
        vms.all().forEach(vm -> list.add(view(vm)));
        Http.json(exchange, 200, list);
    }

    private ObjectNode view(SimulatedVm vm) {
        String metadataBaseUrl = simulatorUrl + PREFIX + "/" + vm.vmId() + "/metadata";
        ObjectNode view = Http.JSON
                .createObjectNode()
                .put("vmId", vm.vmId())
                .put("provider", vm.provider().wireName())
                .put("accountId", vm.accountId())
                .put("instanceId", vm.instanceId())
                .put("instanceName", vm.instanceName())
                .put("osFamily", vm.osFamily())
                .put("osVersion", vm.osVersion())
                .put("createdAt", vm.createdAt().toString())
                .put("metadataBaseUrl", metadataBaseUrl)
                .put("metadataRequests", vms.metadataRequests(vm.vmId()));
        view.set("labels", Http.JSON.valueToTree(vm.labels()));
        cloud(vm.provider()).describe(vm, metadataBaseUrl, view);
        return view;
    }

    /** IdentityModule gives every provider its cloud, so the lookup cannot miss. */
    private CloudIdentity cloud(Provider provider) {
        return Objects.requireNonNull(clouds.get(provider), () -> "no simulated cloud for " + provider);
    }
}
