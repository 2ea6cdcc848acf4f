package io.crosspatch.launcher.fleet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crosspatch.launcher.JsonHttp;
import io.crosspatch.launcher.LocalService;
import io.crosspatch.launcher.Platform;
import java.net.URI;
import java.util.Map;

/**
 * The two steps before any VM of a fleet on the local platform enrolls: onboarding a cloud account to its tenant through
 * identity-service's admin API, as an operator would, and creating a simulated VM in the cloud simulator. The demo
 * fleet and bench's fleets both take these steps; keeping them here means a change to the admin API or the simulator's
 * VM body is made once and both fleets keep exercising the same requests. Thread-safe: bench calls it from a pool.
 */
public final class FleetProvisioning {

    private final Platform platform;
    private final JsonHttp http;
    private final String adminSubject;

    /** {@code adminSubject} names the operator the onboarding calls are made as (it shows in identity-service's log). */
    public FleetProvisioning(Platform platform, JsonHttp http, String adminSubject) {
        this.platform = platform;
        this.http = http;
        this.adminSubject = adminSubject;
    }

    /** Onboards {@code account} to its tenant, default patch group on-time; a PUT, so doing it again changes nothing. */
    public void onboard(CloudAccountSpec account) {
        ObjectNode body = JsonHttp.object()
                .put("displayName", account.displayName())
                .put("defaultPatchGroup", "on-time")
                .put("awsRegion", account.awsRegion());
        body.putArray("allowedPatchGroups");
        http.put(cloudAccountUri(account), admin(), body).ok();
    }

    /**
     * Offboards {@code account} (identity-service answers {@code 202}: its instances are retired, its system account
     * emptied and closed behind the answer); a repeat changes nothing.
     */
    public void offboard(CloudAccountSpec account) {
        http.delete(cloudAccountUri(account), admin()).ok();
    }

    private URI cloudAccountUri(CloudAccountSpec account) {
        return platform.service(LocalService.IDENTITY)
                .resolve("/v1/admin/tenants/" + account.tenantId() + "/cloud-accounts/" + account.provider() + "/"
                        + account.cloudAccountId());
    }

    /** A token per call: signing is cheap, and a fleet kept for a long benchmark never sends an expired one. */
    private Map<String, String> admin() {
        return Map.of("Authorization", "Bearer " + platform.tokens().adminToken(adminSubject));
    }

    /** Creates a simulated VM named {@code name} in {@code account}, labelled with its patch group. */
    public FleetVm createVm(CloudAccountSpec account, FleetOs os, String patchGroup, String name) {
        ObjectNode body = JsonHttp.object()
                .put("provider", account.provider())
                .put("accountId", account.cloudAccountId())
                .put("instanceName", name)
                .put("osFamily", os.family())
                .put("osVersion", os.version());
        String location = account.location();
        if (location != null) {
            body.put(account.provider().equals("gcp") ? "zone" : "region", location);
        }
        body.putObject("labels").put("crosspatch-patchgroup", patchGroup);
        JsonNode view = platform.simulatorControl().createVm(body);
        return FleetVm.of(account, os, patchGroup, view);
    }
}
