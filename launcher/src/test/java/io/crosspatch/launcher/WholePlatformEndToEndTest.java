package io.crosspatch.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.crosspatch.launcher.fleet.CloudAccountSpec;
import io.crosspatch.launcher.fleet.DemoFleet;
import io.crosspatch.launcher.fleet.DemoTenants;
import io.crosspatch.launcher.fleet.FleetOs;
import io.crosspatch.launcher.fleet.FleetVm;
import io.crosspatch.launcher.fleet.StartupScriptRunner;
import io.crosspatch.simulator.client.SimulatorControl;
import io.crosspatch.testbed.FreePorts;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole flow, script to dashboard, against ground truth: the platform as the run command starts it (every
 * service its own JVM, from its packaged jar), 40 simulated VMs of two tenants on four clouds enrolling through
 * the public API — one per provider through the real {@code linux.sh}, which then runs a second time as a reboot
 * would — then a simulated month of maintenance windows, and the reporting API's numbers compared with what the
 * simulator says SSM holds.
 */
class WholePlatformEndToEndTest {

    private static final Logger log = LoggerFactory.getLogger(WholePlatformEndToEndTest.class);
    private static final int FLEET = 40;
    private static Platform platform;
    private static DemoFleet fleet;
    private static List<FleetVm> vms;
    private static final List<Rerun> reruns = new ArrayList<>();

    /**
     * A second run of the real script on a VM whose first run registered it, with what the simulator recorded of
     * each run: the requests the VM's metadata service answered (IMDS for AWS), SSM agent registrations
     * ({@code RegisterManagedInstance} calls, all accounts) and managed nodes with the VM's host name.
     */
    record Rerun(
            FleetVm vm,
            StartupScriptRunner.Outcome first,
            StartupScriptRunner.Outcome second,
            long firstMetadataRequests,
            long firstNodes,
            long secondMetadataRequests,
            long secondRegistrations,
            long secondNewNodes) {}

    private static final JsonHttp http = new JsonHttp();

    @BeforeAll
    static void enrollFleetAndRunAMonthOfWindows() throws Exception {
        Path root = Path.of("..").toAbsolutePath().normalize();
        platform = Platform.start(new Platform.Options(
                root,
                Path.of("target", "e2e").toAbsolutePath(),
                FreePorts.take(),
                PortBlocks.free(5),
                Duration.ofSeconds(5)));
        fleet = new DemoFleet(platform);
        fleet.onboard();
        vms = new ArrayList<>();
        // one Linux VM per account first, so that each provider has one for the real script ...
        for (CloudAccountSpec account : DemoTenants.ACCOUNTS) {
            vms.add(fleet.createVm(
                    account,
                    FleetOs.LINUX.get(vms.size() % FleetOs.LINUX.size()),
                    "early",
                    account.tenantId() + "-script-" + vms.size()));
        }
        // ... then the rest, every OS and group
        vms.addAll(fleet.createVms(FLEET - vms.size(), 7));
        fleet.enrollAll(vms, 8, 1, Duration.ofMinutes(4));
        rerunTheScriptOnEachProvider();
        fleet.playMonth(Duration.ZERO);
    }

    /**
     * Every enrollment has ended (the fleet waited for it) and no agent registers any more, so the simulator's
     * counters move only for what each rerun does; the reruns go one at a time to keep that so.
     */
    private static void rerunTheScriptOnEachProvider() throws Exception {
        SimulatorControl simulator = platform.simulatorControl();
        Map<String, StartupScriptRunner.Outcome> firstRuns = fleet.scriptOutcomes();
        for (FleetVm vm : vms) {
            StartupScriptRunner.Outcome first = firstRuns.get(vm.vmId());
            if (first == null) {
                continue;
            }
            long metadataBefore = metadataRequests(simulator, vm);
            long registrationsBefore = registrations(simulator);
            long nodesBefore = nodesNamed(simulator, vm);

            StartupScriptRunner.Outcome second = fleet.rerunScript(vm, Duration.ofMinutes(1));

            Rerun rerun = new Rerun(
                    vm,
                    first,
                    second,
                    metadataBefore,
                    nodesBefore,
                    metadataRequests(simulator, vm) - metadataBefore,
                    registrations(simulator) - registrationsBefore,
                    nodesNamed(simulator, vm) - nodesBefore);
            reruns.add(rerun);
            log.info(
                    "linux.sh on {} VM {}: first run exit {}, {} metadata requests, {} managed node(s); rerun exit {},"
                            + " {} metadata requests, {} RegisterManagedInstance calls, {} new managed nodes",
                    vm.account().provider(),
                    vm.instanceName(),
                    first.exitStatus(),
                    rerun.firstMetadataRequests(),
                    rerun.firstNodes(),
                    second.exitStatus(),
                    rerun.secondMetadataRequests(),
                    rerun.secondRegistrations(),
                    rerun.secondNewNodes());
        }
    }

    private static long metadataRequests(SimulatorControl simulator, FleetVm vm) {
        return simulator.vm(vm.vmId()).get("metadataRequests").asLong();
    }

    private static long registrations(SimulatorControl simulator) {
        long calls = 0;
        for (JsonNode row : simulator.calls()) {
            if (row.get("service").asText().equals("ssm")
                    && row.get("operation").asText().equals("RegisterManagedInstance")) {
                calls += row.get("calls").asLong();
            }
        }
        return calls;
    }

    private static long nodesNamed(SimulatorControl simulator, FleetVm vm) {
        long nodes = 0;
        for (JsonNode node : simulator.nodes()) {
            if (node.path("computerName").asText().equals(vm.instanceName())) {
                nodes++;
            }
        }
        return nodes;
    }

    @AfterAll
    static void stopPlatform() {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void everyEnrollmentEndsRegisteredAndTheRealScriptRegisteredTheAgentOnEachProvider() {
        assertThat(fleet.stages()).hasSize(FLEET);
        assertThat(fleet.stages().values())
                .as("stages by VM %s", fleet.stageCounts())
                .containsOnly("REGISTERED");
        Map<String, StartupScriptRunner.Outcome> scripted = fleet.scriptOutcomes();
        Set<String> providers = vms.stream()
                .filter(vm -> scripted.containsKey(vm.vmId()))
                .map(vm -> vm.account().provider())
                .collect(Collectors.toSet());
        assertThat(providers).containsExactlyInAnyOrder("gcp", "azure", "aws", "vmware");
        scripted.values().forEach(outcome -> {
            assertThat(outcome.exitStatus()).as(outcome.output()).isZero();
            assertThat(outcome.registration()).contains("\"ManagedInstanceID\":\"mi-");
        });
    }

    @Test
    void theScriptsSecondRunOnEachProviderExitsZeroWithoutAnAwsCallOrARegistration() {
        assertThat(reruns)
                .extracting(rerun -> rerun.vm().account().provider())
                .containsExactlyInAnyOrder("gcp", "azure", "aws", "vmware");
        assertThat(reruns).allSatisfy(rerun -> {
            String provider = rerun.vm().account().provider();
            // the first run read its identity from the metadata service and registered one node ...
            assertThat(rerun.firstMetadataRequests()).as(provider).isPositive();
            assertThat(rerun.firstNodes()).as(provider).isEqualTo(1);
            // ... the second found it registered as its enrollment says, and stopped there
            assertThat(rerun.second().exitStatus()).as(rerun.second().output()).isZero();
            assertThat(rerun.second().output())
                    .contains("already registered with SSM as "
                            + fleet.managedInstanceIds().get(rerun.vm().vmId()));
            assertThat(rerun.second().registration()).isEqualTo(rerun.first().registration());
            assertThat(rerun.secondMetadataRequests()).as(provider).isZero();
            assertThat(rerun.secondRegistrations()).as(provider).isZero();
            assertThat(rerun.secondNewNodes()).as(provider).isZero();
        });
    }

    @Test
    void reportingSummaryEqualsTheSimulatorsGroundTruthForEveryAccount() {
        Awaitility.await()
                .atMost(Duration.ofMinutes(4))
                .pollInterval(Duration.ofSeconds(3))
                .untilAsserted(() -> {
                    GroundTruth truth = GroundTruth.read(platform.simulatorControl());
                    for (String tenant : DemoTenants.tenants()) {
                        JsonNode summary = get("/v1/tenants/" + tenant + "/summary", operatorToken());
                        Map<String, Map<String, Object>> reported = new TreeMap<>();
                        summary.get("accounts")
                                .forEach(row -> reported.put(
                                        row.get("provider").asText() + ":"
                                                + row.get("cloudAccountId").asText(),
                                        GroundTruth.figures(row.get("figures"))));
                        Map<String, Map<String, Object>> expected = new TreeMap<>();
                        DemoTenants.ACCOUNTS.stream()
                                .filter(account -> account.tenantId().equals(tenant))
                                .forEach(account -> expected.put(account.key(), truth.figures(account)));
                        assertThat(reported).as("summary of %s", tenant).isEqualTo(expected);
                    }
                });
    }

    @Test
    void everyInstancesUpdatesEqualWhatSsmReportsForItsNode() {
        Awaitility.await()
                .atMost(Duration.ofMinutes(4))
                .pollInterval(Duration.ofSeconds(3))
                .untilAsserted(() -> {
                    GroundTruth truth = GroundTruth.read(platform.simulatorControl());
                    int compared = 0;
                    for (String tenant : DemoTenants.tenants()) {
                        for (JsonNode instance : instances(tenant)) {
                            String managed = instance.path("managedInstanceId").asText();
                            JsonNode updates = get(
                                    "/v1/tenants/" + tenant + "/instances/"
                                            + instance.get("instanceId").asText()
                                            + "/updates?provider="
                                            + instance.get("provider").asText() + "&cloudAccountId="
                                            + instance.get("cloudAccountId").asText(),
                                    operatorToken());
                            assertThat(GroundTruth.updates(updates.get("updates")))
                                    .as(managed)
                                    .isEqualTo(truth.patches(managed));
                            compared++;
                        }
                    }
                    assertThat(compared).isEqualTo(FLEET);
                });
    }

    @Test
    void eachTenantSeesOnlyItsOwnAccountsAndIsRefusedTheOthers() {
        for (String tenant : DemoTenants.tenants()) {
            String token = platform.tokens().token(tenant + "-user", tenant);
            JsonNode summary = get("/v1/tenants/" + tenant + "/summary", token);
            Set<String> accounts = new java.util.HashSet<>();
            summary.get("accounts")
                    .forEach(row -> accounts.add(row.get("cloudAccountId").asText()));
            assertThat(accounts)
                    .isEqualTo(DemoTenants.ACCOUNTS.stream()
                            .filter(a -> a.tenantId().equals(tenant))
                            .map(CloudAccountSpec::cloudAccountId)
                            .collect(Collectors.toSet()));
            for (String other : DemoTenants.tenants()) {
                if (!other.equals(tenant)) {
                    assertThat(http.get(
                                            platform.service(LocalService.REPORTING)
                                                    .resolve("/v1/tenants/" + other + "/summary"),
                                            Map.of("Authorization", "Bearer " + token))
                                    .status())
                            .isEqualTo(403);
                }
            }
        }
    }

    @Test
    void theOperatorTokenReadsSystemAccountsWhichAreClosedWithoutIt() {
        URI accounts = platform.service(LocalService.ACCOUNT).resolve("/v1/system-accounts?tenantId=acme");

        JsonNode listed = http.get(accounts, Map.of("Authorization", "Bearer " + operatorToken()))
                .ok();
        assertThat(listed.get("systemAccounts")).hasSize((int) DemoTenants.ACCOUNTS.stream()
                .filter(account -> account.tenantId().equals("acme"))
                .count());
        assertThat(http.get(accounts, Map.of()).status()).isEqualTo(401);
        assertThat(http.get(
                                accounts,
                                Map.of(
                                        "Authorization",
                                        "Bearer " + platform.tokens().token("acme-user", "acme")))
                        .status())
                .isEqualTo(401);
    }

    @Test
    void actuatorAnswersOnlyOnEachServicesManagementPort() {
        for (LocalService service : LocalService.values()) {
            assertThat(http.get(platform.management(service).resolve("/actuator/health/readiness"), Map.of())
                            .status())
                    .as(service.module())
                    .isEqualTo(200);
            assertThat(http.get(platform.service(service).resolve("/actuator/prometheus"), Map.of())
                            .status())
                    .as(service.module())
                    .isEqualTo(404);
        }
    }

    @Test
    void patchResultsDecodeWithAStandardConfluentWireFormatReader() {
        Map<String, String> infra = platform.infrastructureProperties();
        Set<String> registered = Set.copyOf(fleet.managedInstanceIds().values());
        Awaitility.await()
                .atMost(Duration.ofMinutes(4))
                .pollInterval(Duration.ofSeconds(5))
                .untilAsserted(() -> {
                    List<org.apache.avro.generic.GenericRecord> results = ConfluentWireReader.readAll(
                            infra.get("spring.kafka.bootstrap-servers"),
                            infra.get("crosspatch.schema-registry.url"),
                            "patch.results");
                    Set<String> managed = results.stream()
                            .map(r -> r.get("managedInstanceId").toString())
                            .collect(Collectors.toSet());
                    assertThat(managed).containsExactlyInAnyOrderElementsOf(registered);
                    assertThat(results)
                            .allSatisfy(r -> assertThat(DemoTenants.tenants())
                                    .contains(r.get("tenantId").toString()));
                });
    }

    private static List<JsonNode> instances(String tenant) {
        List<JsonNode> all = new ArrayList<>();
        String pageToken = null;
        do {
            JsonNode page = get(
                    "/v1/tenants/" + tenant + "/instances?pageSize=100"
                            + (pageToken == null ? "" : "&pageToken=" + pageToken),
                    operatorToken());
            page.get("instances").forEach(all::add);
            pageToken =
                    page.hasNonNull("nextPageToken") ? page.get("nextPageToken").asText() : null;
        } while (pageToken != null);
        return all;
    }

    private static JsonNode get(String path, String token) {
        return http.get(
                        platform.service(LocalService.REPORTING).resolve(path),
                        Map.of("Authorization", "Bearer " + token))
                .ok();
    }

    private static String operatorToken() {
        return platform.tokens().token("e2e-operator", null);
    }
}
