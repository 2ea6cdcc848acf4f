package io.crosspatch.launcher.fleet;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A simulated VM of the demo fleet, as the simulator described it at creation: its cloud, account, instance, and
 * where its metadata service answers.
 */
public record FleetVm(
        CloudAccountSpec account,
        FleetOs os,
        String patchGroup,
        String vmId,
        String instanceId,
        String instanceName,
        String metadataBaseUrl,
        String guestinfoUrl) {

    static FleetVm of(CloudAccountSpec account, FleetOs os, String patchGroup, JsonNode view) {
        return new FleetVm(
                account,
                os,
                patchGroup,
                view.get("vmId").asText(),
                view.get("instanceId").asText(),
                view.get("instanceName").asText(),
                view.get("metadataBaseUrl").asText(),
                view.path("guestinfoUrl").asText(null));
    }
}
