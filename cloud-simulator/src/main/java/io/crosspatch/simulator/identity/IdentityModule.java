package io.crosspatch.simulator.identity;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.crosspatch.simulator.SimulatorContext;
import io.crosspatch.simulator.SimulatorModule;
import io.crosspatch.simulator.control.SimClock;
import io.crosspatch.simulator.http.Http;
import io.crosspatch.simulator.http.Route;
import io.crosspatch.simulator.identity.aws.AwsCloud;
import io.crosspatch.simulator.identity.azure.AzureCloud;
import io.crosspatch.simulator.identity.gcp.GcpCloud;
import io.crosspatch.simulator.identity.vmware.VmwareCloud;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The four clouds' signed instance identities for simulated VMs: {@code /_sim/vms} (VMs and their metadata
 * services), {@code /_sim/trust} (the trust anchors) and {@code /_sim/forge} (documents a verifier must refuse).
 * Keys are made in memory on first use, so a simulator that never serves an identity never generates one.
 */
public final class IdentityModule implements SimulatorModule {

    private final Consumer<SimulatedVm> deletions;

    /** {@code deletions} hears of every deleted VM (so the services running on it can stop). */
    public IdentityModule(Consumer<SimulatedVm> deletions) {
        this.deletions = deletions;
    }

    /** Certificates outlive any test run or demo. */
    private static final Duration CERTIFICATE_VALIDITY = Duration.ofDays(30 * 365);

    @Override
    public void install(SimulatorContext context) {
        String simulatorUrl =
                "http://" + context.config().host() + ":" + context.server().port();
        // Signed identities carry wall-clock times, not the simulated clock: identity-service checks them against
        // its own real clock, and the simulated clock exists to fast-forward AWS's schedules, not the clouds'.
        SimClock clock = SimClock.systemUtc();
        Instant validFrom = clock.instant().minus(Duration.ofDays(1));
        Instant validUntil = validFrom.plus(CERTIFICATE_VALIDITY);
        VmwareCloud vmware = new VmwareCloud(clock, simulatorUrl);
        Map<Provider, CloudIdentity> clouds = new EnumMap<>(Provider.class);
        clouds.put(Provider.GCP, new GcpCloud(clock, simulatorUrl));
        clouds.put(Provider.AZURE, new AzureCloud(clock, simulatorUrl, validFrom, validUntil));
        clouds.put(Provider.AWS, new AwsCloud(clock, simulatorUrl, validFrom, validUntil));
        clouds.put(Provider.VMWARE, vmware);
        VmRegistry vms = new VmRegistry();
        context.server()
                .route(
                        VmRoute.PREFIX,
                        refusingBadRequests(new VmRoute(vms, clouds, vmware, clock, simulatorUrl, deletions)));
        context.server().route(TrustRoute.PREFIX, refusingBadRequests(new TrustRoute(clouds)));
        context.server().route(ForgeRoute.PREFIX, refusingBadRequests(new ForgeRoute(vms, clouds, clock)));
    }

    /** Bad input to a simulator endpoint is the caller's mistake: 400 with a code, never 500. */
    private static Route refusingBadRequests(Route route) {
        return exchange -> {
            try {
                route.handle(exchange);
            } catch (InvalidRequestException e) {
                Http.error(exchange, 400, e.code(), String.valueOf(e.getMessage()));
            } catch (JsonProcessingException e) {
                Http.error(exchange, 400, "INVALID_JSON", "the body is not valid JSON: " + e.getOriginalMessage());
            }
        };
    }
}
