package io.crosspatch.simulator.identity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.time.Instant;

/**
 * One cloud's side of the simulation: how its VMs are named, what its metadata service answers, which keys it
 * signs with and publishes as trust anchors, and how a forged document of it is made. The routes dispatch to the
 * VM's provider, so each cloud's rules live in its own package.
 */
public interface CloudIdentity {

    Provider provider();

    /** Checks the provider-specific parts of the request and makes the VM with provider-realistic ids. */
    SimulatedVm create(VmRequest request, String vmId, Instant now);

    /** Adds what the VM's owner needs beyond the common fields to the VM's view (e.g. the VMware token). */
    void describe(SimulatedVm vm, String metadataBaseUrl, ObjectNode view);

    /** Serves the VM's metadata service; {@code path} is what follows the VM's metadataBaseUrl, from its "/". */
    void metadata(SimulatedVm vm, String path, HttpExchange exchange) throws IOException;

    /** Serves this cloud's trust anchors; {@code path} is what follows {@code /_sim/trust/<provider>}. */
    void trust(String path, HttpExchange exchange) throws IOException;

    /** Where identity-service finds this cloud's trust anchors, and what else it must be configured with. */
    ObjectNode anchors();

    /** A signed identity of the VM made as {@code minting} says; {@code body} holds provider-specific choices. */
    ObjectNode forge(SimulatedVm vm, Minting minting, JsonNode body);
}
