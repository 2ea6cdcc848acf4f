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
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Three simulated months of one fleet's life on the four clouds, step by step, with the reporting API compared to
 * the simulator's ground truth after each step — every account's figures, the active instances and their updates,
 * the retired instances with their reasons — and the AWS calls each step made written to
 * {@code target/fleet-life/aws-calls-per-step.md} (a step's calls include the sweeps that ran while reporting caught
 * up with it). The steps run in order on one platform, each in the world the earlier ones left: enrollment through
 * the real {@code linux.sh} on every VM; a reboot of every VM (the script again, no registration); a month of
 * windows, scans and the agents' update; 10 % of the VMs deleted and retired after 30 days ConnectionLost; a policy
 * change rolled out by restarting patching-service; one cloud account offboarded; inventory; and VMs that enroll
 * after the clock moved on.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FleetLifeEndToEndTest {

    private static final int VMS_PER_ACCOUNT = 3;
    private static final Duration ENROLLMENT_TIMEOUT = Duration.ofMinutes(4);
    private static final Duration ACTIVATION_VALIDITY = Duration.ofHours(24);
    private static final List<String> PATCH_GROUPS = List.of("early", "on-time", "late");
    private static final String ON_TIME_WINDOW = "cron(0 2 ? * THU#3 *)";

    private static Platform platform;
    private static DemoFleet fleet;
    private static ReportingView reporting;
    private static AwsCallLedger ledger;
    private static final List<FleetVm> vms = new ArrayList<>();
    /** The managed nodes that must show as retired, with the reason, by cloud account key. */
    private static final Map<String, Map<String, String>> retired = new TreeMap<>();

    @BeforeAll
    static void startThePlatformAndEnrollTheFleetThroughTheRealScript() throws Exception {
        Path work = Path.of("target", "fleet-life").toAbsolutePath();
        platform = Platform.start(new Platform.Options(
                Path.of("..").toAbsolutePath().normalize(),
                work,
                FreePorts.take(),
                PortBlocks.free(LocalService.values().length),
                Duration.ofSeconds(5)));
        fleet = new DemoFleet(platform);
        reporting = new ReportingView(platform);
        ledger = new AwsCallLedger(platform.simulatorControl());
        fleet.onboard();
        for (CloudAccountSpec account : DemoTenants.ACCOUNTS) {
            for (int i = 0; i < VMS_PER_ACCOUNT; i++) {
                FleetOs os = FleetOs.LINUX.get((vms.size() + i) % FleetOs.LINUX.size());
                vms.add(fleet.createVm(
                        account, os, PATCH_GROUPS.get(i), account.tenantId() + "-" + account.provider() + "-" + i));
            }
        }
        fleet.enrollAll(vms, 8, Integer.MAX_VALUE, ENROLLMENT_TIMEOUT);
        ledger.record("enroll " + vms.size() + " VMs through linux.sh");
    }

    @AfterAll
    static void writeTheAwsCallsAndStopThePlatform() throws Exception {
        if (ledger != null) {
            ledger.write(platform.work().resolve("aws-calls-per-step.md"));
        }
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    @Order(1)
    void dayOneEveryVmRegisteredThroughTheRealScriptAndReportingEqualsTheTruth() {
        assertThat(fleet.stages().values())
                .as("stages %s", fleet.stageCounts())
                .hasSize(vms.size())
                .containsOnly("REGISTERED");
        assertThat(fleet.scriptOutcomes()).hasSize(vms.size());
        checkpoint("day one");
        assertThat(pendingAgentUpdates())
                .as("the simulator registers some agents an older version, so that updating them shows")
                .isPositive();
    }

    @Test
    @Order(2)
    void aRebootOfEveryVmRerunsTheScriptWhichExitsZeroWithoutRegisteringAgain() throws Exception {
        Map<String, String> nodesBefore = fleet.managedInstanceIds();
        Map<String, StartupScriptRunner.Outcome> reruns = new TreeMap<>();
        for (FleetVm vm : vms) {
            reruns.put(vm.instanceName(), fleet.rerunScript(vm, Duration.ofMinutes(1)));
        }
        AwsCallLedger.Step step = ledger.record("reboot every VM (linux.sh again)");

        assertThat(reruns)
                .allSatisfy((name, outcome) -> assertThat(outcome.exitStatus())
                        .as("%s:%n%s", name, outcome.output())
                        .isZero());
        assertThat(step.of("ssm", "RegisterManagedInstance")).isZero();
        assertThat(step.of("ssm", "CreateActivation")).isZero();
        assertThat(GroundTruth.read(platform.simulatorControl()).allManagedInstanceIds())
                .containsExactlyInAnyOrderElementsOf(nodesBefore.values());
        checkpoint("after every VM rebooted");
    }

    @Test
    @Order(3)
    void theFirstMonthsWindowsAndScansRunAndReportingFollows() throws Exception {
        fleet.playMonth(Duration.ZERO);
        checkpoint("after month 1");
        ledger.record("month 1: windows, scans, the agent update and their collection");
        assertThat(pendingAgentUpdates())
                .as("AWS-UpdateSSMAgent ran after the late ring's window: every agent is current")
                .isZero();
    }

    @Test
    @Order(4)
    void tenPercentOfTheVmsAreDeletedAndRetireOnceTheirNodesHaveBeenLostForThirtyDays() throws Exception {
        Map<String, String> nodes = fleet.managedInstanceIds();
        List<FleetVm> deleted = List.of(vms.get(0), vms.get(VMS_PER_ACCOUNT * 3 + 1), vms.get(VMS_PER_ACCOUNT * 5 + 2));
        for (FleetVm vm : deleted) {
            fleet.delete(vm);
            expectRetired(vm.account(), nodes.get(vm.vmId()), "CONNECTION_LOST");
        }
        fleet.playMonth(Duration.ZERO);
        checkpoint("after month 2, " + deleted.size() + " VMs deleted");
        ledger.record("month 2: " + deleted.size() + " VMs deleted, retired after 30 days ConnectionLost");
        assertThat(GroundTruth.read(platform.simulatorControl()).allManagedInstanceIds())
                .as("SSM no longer holds the deleted VMs' nodes")
                .doesNotContainAnyElementsOf(
                        deleted.stream().map(vm -> nodes.get(vm.vmId())).toList());
    }

    @Test
    @Order(5)
    void aPolicyChangeReachesEveryAccountWithinOneReconcileInterval() throws Exception {
        Map<String, String> before = policyVersions();
        assertThat(before).as("every account runs a policy version").hasSize(DemoTenants.ACCOUNTS.size());
        assertThat(Set.copyOf(before.values())).as("one version everywhere").hasSize(1);

        // the operator's change: the on-time ring approves after 5 days instead of 7, and its window moves to Thursday
        List<String> changed = new ArrayList<>(List.of("--crosspatch.patching.reconcile.interval=PT20S"));
        String[][] groups = {
            {"early", "0", "cron(0 2 ? * TUE#2 *)"},
            {"on-time", "5", ON_TIME_WINDOW},
            {"late", "14", "cron(0 2 ? * TUE#4 *)"}
        };
        for (int i = 0; i < groups.length; i++) {
            String group = "--crosspatch.patching.desired-state.groups[" + i + "].";
            changed.add(group + "name=" + groups[i][0]);
            changed.add(group + "delay-days=" + groups[i][1]);
            changed.add(group + "install-schedule=" + groups[i][2]);
        }
        platform.restart(LocalService.PATCHING, changed);

        Awaitility.await("the new policy version on every account")
                .atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofSeconds(3))
                .untilAsserted(() -> {
                    Map<String, String> after = policyVersions();
                    assertThat(after.keySet()).isEqualTo(before.keySet());
                    assertThat(Set.copyOf(after.values())).hasSize(1).doesNotContainAnyElementsOf(before.values());
                });
        GroundTruth truth = GroundTruth.read(platform.simulatorControl());
        for (CloudAccountSpec account : DemoTenants.ACCOUNTS) {
            assertThat(platform.simulatorControl()
                            .maintenanceWindows(truth.systemAccount(account), account.awsRegion())
                            .findValuesAsText("Schedule"))
                    .as("the windows of %s", account.key())
                    .contains(ON_TIME_WINDOW);
        }
        checkpoint("after the policy change");
        ledger.record("policy change rolled out (on-time 7 -> 5 days, window moved)");
    }

    @Test
    @Order(6)
    void anOffboardedAccountsInstancesRetireAndItsSystemAccountIsEmptiedAndClosed() {
        CloudAccountSpec account = DemoTenants.ACCOUNTS.get(DemoTenants.ACCOUNTS.size() - 2);
        String systemAccount = GroundTruth.read(platform.simulatorControl()).systemAccount(account);
        GroundTruth.read(platform.simulatorControl())
                .managedInstanceIds(account)
                .forEach(node -> expectRetired(account, node, "ACCOUNT_OFFBOARDED"));

        fleet.offboard(account);

        Awaitility.await("the system account of " + account.key() + " closed")
                .atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofSeconds(2))
                .untilAsserted(() ->
                        assertThat(organizationAccountStatus(systemAccount)).isIn("PENDING_CLOSURE", "SUSPENDED"));
        SimulatorControl simulator = platform.simulatorControl();
        assertThat(simulator.nodes(systemAccount, account.awsRegion())).isEmpty();
        assertThat(simulator.activations(systemAccount, account.awsRegion())).isEmpty();
        assertThat(simulator.maintenanceWindows(systemAccount, account.awsRegion()))
                .isEmpty();
        checkpoint("after " + account.key() + " was offboarded");
        ledger.record("offboard " + account.key());
    }

    @Test
    @Order(7)
    void theInventoryOfEveryActiveInstanceIsWhatSsmGatheredAndAnInstalledApplicationShowsUp() {
        CloudAccountSpec account = DemoTenants.ACCOUNTS.get(0);
        String systemAccount = GroundTruth.read(platform.simulatorControl()).systemAccount(account);
        String node = GroundTruth.read(platform.simulatorControl())
                .managedInstanceIds(account)
                .iterator()
                .next();
        platform.simulatorControl()
                .installApplication(systemAccount, account.awsRegion(), node, "crosspatch-canary", "1.0.0", "Acme");
        fleet.advanceClock(Duration.ofDays(1));

        Awaitility.await("inventory in reporting equal to SSM's")
                .atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofSeconds(3))
                .untilAsserted(() -> {
                    GroundTruth truth = GroundTruth.read(platform.simulatorControl());
                    int compared = 0;
                    for (String tenant : DemoTenants.tenants()) {
                        for (JsonNode instance : reporting.instances(tenant)) {
                            if (instance.path("status").asText().equals("RETIRED")) {
                                continue;
                            }
                            String managed = instance.get("managedInstanceId").asText();
                            JsonNode inventory = reporting.get(instancePath(tenant, instance, "inventory"));
                            assertThat(Map.of(
                                            "os", inventory.path("osName").asText(),
                                            "version",
                                                    inventory.path("osVersion").asText(),
                                            "applications",
                                                    inventory
                                                            .path("applicationCount")
                                                            .asInt()))
                                    .as("inventory of %s", managed)
                                    .isEqualTo(truth.inventory(managed));
                            compared++;
                        }
                    }
                    assertThat(compared).isPositive();
                    JsonNode canary = reporting.get("/v1/tenants/" + account.tenantId() + "/instances/"
                            + instanceOf(account, node) + "/applications?q=canary&provider=" + account.provider()
                            + "&cloudAccountId=" + account.cloudAccountId());
                    assertThat(canary.path("applications").findValuesAsText("name"))
                            .containsExactly("crosspatch-canary");
                });
        ledger.record("an application installed; inventory gathered, collected and shown");
    }

    @Test
    @Order(90)
    void aVmOfEachProviderEnrolledAfterTheClockMovedRegistersWithAnActivationSsmAccepts() throws Exception {
        Instant simulatedNow = platform.simulatorControl().now();
        assertThat(simulatedNow)
                .as("the simulator's clock moved on")
                .isAfter(Instant.now().plus(Duration.ofDays(30)));
        List<FleetVm> late = new ArrayList<>();
        for (String provider : List.of("gcp", "azure", "aws", "vmware")) {
            CloudAccountSpec account = DemoTenants.ACCOUNTS.stream()
                    .filter(candidate -> candidate.provider().equals(provider))
                    .findFirst()
                    .orElseThrow();
            late.add(fleet.createVm(account, FleetOs.UBUNTU, "on-time", account.tenantId() + "-late-" + provider));
        }
        fleet.enrollAll(late, late.size(), Integer.MAX_VALUE, ENROLLMENT_TIMEOUT);
        vms.addAll(late);

        for (FleetVm vm : late) {
            StartupScriptRunner.Outcome outcome = fleet.scriptOutcomes().get(vm.vmId());
            assertThat(outcome).as(vm.instanceName()).isNotNull();
            assertThat(outcome.exitStatus()).as(outcome.output()).isZero();
            assertThat(fleet.stages()).containsEntry(vm.vmId(), "REGISTERED");
            JsonNode activation = activationOf(outcome.enrollmentId());
            Instant created = Instant.parse(activation.get("createdDate").asText());
            Instant expires = Instant.parse(activation.get("expirationDate").asText());
            assertThat(created).as("created on the simulator's clock").isAfterOrEqualTo(simulatedNow);
            assertThat(Duration.between(created, expires))
                    .as("patching-service's validity, counted from the simulator's now")
                    .isBetween(ACTIVATION_VALIDITY.minusMinutes(1), ACTIVATION_VALIDITY);
        }
        checkpoint("after VMs enrolled late");
        ledger.record("enroll one VM per provider after the clock moved");
    }

    private static String instancePath(String tenant, JsonNode instance, String what) {
        return "/v1/tenants/" + tenant + "/instances/"
                + instance.get("instanceId").asText() + "/" + what
                + "?provider=" + instance.get("provider").asText() + "&cloudAccountId="
                + instance.get("cloudAccountId").asText();
    }

    /** The provider's instance id of the listed instance whose managed node is {@code managedInstanceId}. */
    private static String instanceOf(CloudAccountSpec account, String managedInstanceId) {
        for (JsonNode instance : reporting.instances(account.tenantId())) {
            if (instance.path("managedInstanceId").asText().equals(managedInstanceId)) {
                return instance.get("instanceId").asText();
            }
        }
        throw new AssertionError("reporting lists no instance with node " + managedInstanceId);
    }

    /** The policy version each cloud account runs, by cloud account key, as the reporting API shows it. */
    private static Map<String, String> policyVersions() {
        Map<String, String> versions = new TreeMap<>();
        for (String tenant : DemoTenants.tenants()) {
            reporting
                    .get("/v1/tenants/" + tenant + "/policy-versions")
                    .get("accounts")
                    .forEach(row -> versions.put(
                            row.get("provider").asText() + ":"
                                    + row.get("cloudAccountId").asText(),
                            row.get("policyVersion").asText()));
        }
        return versions;
    }

    /** Agents SSM reports as not the latest version, over every account (the simulator's truth). */
    private static long pendingAgentUpdates() {
        GroundTruth truth = GroundTruth.read(platform.simulatorControl());
        return DemoTenants.ACCOUNTS.stream()
                .mapToLong(account -> ((Number) truth.figures(account).get("pendingAgentUpdates")).longValue())
                .sum();
    }

    private static void expectRetired(CloudAccountSpec account, String managedInstanceId, String reason) {
        retired.computeIfAbsent(account.key(), key -> new TreeMap<>()).put(managedInstanceId, reason);
    }

    private static String organizationAccountStatus(String accountId) {
        for (JsonNode account : platform.simulatorControl().organizationAccounts()) {
            if (account.get("id").asText().equals(accountId)) {
                return account.path("status").asText();
            }
        }
        throw new AssertionError("no account " + accountId + " in the organization");
    }

    private static JsonNode activationOf(String enrollmentId) {
        for (JsonNode activation : platform.simulatorControl().activations()) {
            if (activation.path("tags").path("crosspatch:enrollment").asText().equals(enrollmentId)) {
                return activation;
            }
        }
        throw new AssertionError("no activation in the simulator for enrollment " + enrollmentId);
    }

    /**
     * The reporting API equals the simulator's ground truth: every account's figures, the set of instances each
     * account lists as active (by managed node) and every active instance's updates; and the instances listed as
     * retired are exactly those this test retired, each with its reason. Reporting follows events, so it is given
     * the time a few collection sweeps take.
     */
    private static void checkpoint(String name) {
        Awaitility.await(name)
                .atMost(Duration.ofMinutes(4))
                .pollInterval(Duration.ofSeconds(3))
                .untilAsserted(() -> {
                    GroundTruth truth = GroundTruth.read(platform.simulatorControl());
                    for (String tenant : DemoTenants.tenants()) {
                        Map<String, Map<String, Object>> expectedFigures = new TreeMap<>();
                        Map<String, Set<String>> expectedNodes = new TreeMap<>();
                        Map<String, Map<String, String>> expectedRetired = new TreeMap<>();
                        for (CloudAccountSpec account : DemoTenants.ACCOUNTS) {
                            if (account.tenantId().equals(tenant)) {
                                expectedFigures.put(account.key(), truth.figures(account));
                                expectedNodes.put(account.key(), truth.managedInstanceIds(account));
                                expectedRetired.put(account.key(), retired.getOrDefault(account.key(), Map.of()));
                            }
                        }
                        assertThat(reporting.figures(tenant))
                                .as("%s: figures of %s", name, tenant)
                                .isEqualTo(expectedFigures);
                        Map<String, Set<String>> listedNodes = new TreeMap<>();
                        Map<String, Map<String, String>> listedRetired = new TreeMap<>();
                        expectedNodes.keySet().forEach(key -> {
                            listedNodes.put(key, new TreeSet<>());
                            listedRetired.put(key, new TreeMap<>());
                        });
                        for (JsonNode instance : reporting.instances(tenant)) {
                            String key = instance.get("provider").asText() + ":"
                                    + instance.get("cloudAccountId").asText();
                            String managed = instance.path("managedInstanceId").asText();
                            if (instance.path("status").asText().equals("RETIRED")) {
                                listedRetired
                                        .computeIfAbsent(key, k -> new TreeMap<>())
                                        .put(
                                                managed,
                                                instance.path("retirementReason")
                                                        .asText());
                                continue;
                            }
                            listedNodes
                                    .computeIfAbsent(key, k -> new TreeSet<>())
                                    .add(managed);
                            assertThat(reporting.updates(tenant, instance))
                                    .as("%s: updates of %s", name, managed)
                                    .isEqualTo(truth.patches(managed));
                        }
                        assertThat(listedNodes)
                                .as("%s: active instances %s lists", name, tenant)
                                .isEqualTo(expectedNodes);
                        assertThat(listedRetired)
                                .as("%s: retired instances %s lists", name, tenant)
                                .isEqualTo(expectedRetired);
                    }
                });
    }
}
