package io.crosspatch.bench.drill;

import com.fasterxml.jackson.databind.JsonNode;
import io.crosspatch.bench.fleet.BenchFleet;
import io.crosspatch.bench.report.Section;
import io.crosspatch.launcher.JsonHttp;
import io.crosspatch.launcher.LocalService;
import io.crosspatch.launcher.Platform;
import io.crosspatch.launcher.fleet.CloudAccountSpec;
import io.crosspatch.launcher.fleet.FleetEnroller;
import io.crosspatch.launcher.fleet.FleetVm;
import io.crosspatch.schemas.topics.TopicDefinition;
import io.crosspatch.schemas.topics.Topics;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The exactly-once audit every drill ends with, each item a check in the drill's report section with what it saw:
 * every VM REGISTERED; one system account per cloud account; no enrollment with a second used activation and one
 * managed node per enrollment; after the maintenance windows, reporting's per-instance patches equal the
 * simulator's ground truth and every node has its {@code patch.results}. It reads Crosspatch only through its
 * public APIs (status with the enrollment secret, reporting with an operator token) and the simulated AWS only
 * through the simulator's control endpoints, so a service cannot vouch for itself.
 */
final class ExactlyOnceAudit {

    private static final Logger log = LoggerFactory.getLogger(ExactlyOnceAudit.class);

    private final Platform platform;
    private final JsonHttp http = new JsonHttp();
    private final SimulatorTruth truth;
    private final FleetEnroller enroller;

    ExactlyOnceAudit(Platform platform) {
        this.platform = platform;
        this.truth = new SimulatorTruth(platform.simulatorControl());
        this.enroller = new FleetEnroller(
                http, platform.service(LocalService.IDENTITY), platform.simulatorControl(), Platform.GCP_AUDIENCE);
    }

    /**
     * The checks that hold once the storm is over. Answers the managed instance id of each enrollment seen
     * REGISTERED, by enrollment id, for {@link #afterWindows}.
     */
    Map<String, String> afterStorm(
            Section section, List<CloudAccountSpec> accounts, List<FleetVm> vms, List<BenchFleet.Enrolled> enrolled) {
        Map<String, String> managed = everyVmRegistered(section, vms, enrolled);
        Set<String> enrollmentIds =
                enrolled.stream().map(BenchFleet.Enrolled::enrollmentId).collect(Collectors.toSet());
        oneSystemAccountPerCloudAccount(section, accounts);
        activationsWithinThePolicy(section, enrollmentIds);
        oneNodePerEnrollment(section, vms, enrollmentIds, managed);
        return managed;
    }

    private Map<String, String> everyVmRegistered(
            Section section, List<FleetVm> vms, List<BenchFleet.Enrolled> enrolled) {
        Map<String, BenchFleet.Enrolled> byVm = new HashMap<>();
        enrolled.forEach(one -> byVm.put(one.vm().vmId(), one));
        Map<String, Long> stages = new TreeMap<>();
        Map<String, String> managed = new TreeMap<>();
        List<String> examples = new ArrayList<>();
        for (FleetVm vm : vms) {
            BenchFleet.Enrolled one = byVm.get(vm.vmId());
            String stage;
            if (one == null) {
                stage = "NO_ENROLLMENT_ACCEPTED";
            } else {
                JsonNode status = status(one);
                if (status == null) {
                    stage = "STATUS_UNREADABLE";
                    if (examples.size() < 5) {
                        examples.add(one.enrollmentId() + " " + stage);
                    }
                } else {
                    stage = status.path("status").asText("UNKNOWN");
                    if (stage.equals("REGISTERED")) {
                        managed.put(
                                one.enrollmentId(),
                                status.path("managedInstanceId").asText());
                    } else if (examples.size() < 5) {
                        examples.add(one.enrollmentId() + " " + stage + " "
                                + status.path("reason").asText(""));
                    }
                }
            }
            stages.merge(stage, 1L, Long::sum);
        }
        section.figures("final stage ", stages, "VMs");
        section.check(
                "every VM ends REGISTERED (none FAILED/REJECTED)",
                managed.size() == vms.size(),
                vms.size() + " VMs, final stages " + stages + (examples.isEmpty() ? "" : "; e.g. " + examples));
        return managed;
    }

    /** The status as the VM reads it, a few tries apart (a service may just have restarted); null if unreadable. */
    private @Nullable JsonNode status(BenchFleet.Enrolled one) {
        FleetEnroller.Enrollment enrollment = new FleetEnroller.Enrollment(one.vm(), one.enrollmentId(), one.secret());
        for (int attempt = 1; attempt <= 5; attempt++) {
            try {
                return enroller.status(enrollment);
            } catch (RuntimeException e) {
                log.debug("status of {} unreadable (attempt {}): {}", one.enrollmentId(), attempt, e.getMessage());
                pause(Duration.ofSeconds(1));
            }
        }
        return null;
    }

    private void oneSystemAccountPerCloudAccount(Section section, List<CloudAccountSpec> accounts) {
        List<SimulatorTruth.SystemAccount> tagged = truth.systemAccounts().stream()
                .filter(account -> account.cloudAccountKey() != null)
                .toList();
        Tally tally = Tally.of(
                accounts.stream().map(CloudAccountSpec::key).toList(),
                tagged,
                SimulatorTruth.SystemAccount::cloudAccountKey);
        section.figure("system accounts created", tagged.size(), "accounts");
        section.check(
                "exactly one system account per cloud account",
                tally.exactlyOnce() && tally.unexpected().isEmpty(),
                tally.describe("cloud accounts"));
    }

    /**
     * The policy is one activation per enrollment, RegistrationLimit 1. CreateActivation has no client token, so a
     * crash between it and storing its result may leave a second activation behind whose code never left the
     * process: allowed, but only unused. So: every activation has limit 1, and each enrollment has exactly one
     * activation that a node registered with; extra unused ones are counted in the report.
     */
    private void activationsWithinThePolicy(Section section, Set<String> enrollmentIds) {
        List<SimulatorTruth.Activation> activations = truth.activations();
        List<SimulatorTruth.Activation> used =
                activations.stream().filter(a -> a.registrationsCount() > 0).toList();
        List<String> offPolicy = activations.stream()
                .filter(a -> a.registrationLimit() != 1 || a.registrationsCount() > 1 || a.enrollmentId() == null)
                .map(a -> a.activationId() + " (limit " + a.registrationLimit() + ", registrations "
                        + a.registrationsCount() + ", enrollment " + a.enrollmentId() + ")")
                .toList();
        Tally tally = Tally.of(enrollmentIds, used, SimulatorTruth.Activation::enrollmentId);
        Map<String, Integer> perEnrollment = new TreeMap<>();
        activations.forEach(a -> perEnrollment.merge(String.valueOf(a.enrollmentId()), 1, Integer::sum));
        long enrollmentsWithExtras =
                perEnrollment.values().stream().filter(count -> count > 1).count();
        int unused = activations.size() - used.size();
        section.figure("activations", activations.size(), "activations");
        section.figure("activations unused (created, never registered with)", unused, "activations");
        section.figure("enrollments with more than one activation", enrollmentsWithExtras, "enrollments");
        section.check(
                "no enrollment got a second activation beyond the policy (one used activation each, limit 1)",
                tally.exactlyOnce() && tally.unexpected().isEmpty() && offPolicy.isEmpty(),
                tally.describe("enrollments with a used activation") + "; " + activations.size() + " activations, "
                        + unused + " unused, " + enrollmentsWithExtras + " enrollments with more than one"
                        + (offPolicy.isEmpty()
                                ? ""
                                : "; off policy: " + offPolicy.subList(0, Math.min(5, offPolicy.size()))));
    }

    private void oneNodePerEnrollment(
            Section section, List<FleetVm> vms, Set<String> enrollmentIds, Map<String, String> managed) {
        List<SimulatorTruth.Node> nodes = truth.nodes();
        Tally byEnrollment = Tally.of(enrollmentIds, nodes, node -> String.valueOf(node.enrollmentId()));
        Tally byInstance = Tally.of(
                vms.stream().map(FleetVm::instanceId).toList(), nodes, node -> String.valueOf(node.cloudInstanceId()));
        Map<String, String> nodeByEnrollment = nodes.stream()
                .filter(node -> node.enrollmentId() != null)
                .collect(Collectors.toMap(
                        SimulatorTruth.Node::enrollmentId, SimulatorTruth.Node::instanceId, (a, b) -> a));
        List<String> disagreeing = managed.entrySet().stream()
                .filter(entry -> !entry.getValue().equals(nodeByEnrollment.get(entry.getKey())))
                .map(Map.Entry::getKey)
                .toList();
        section.figure("managed nodes", nodes.size(), "nodes");
        section.check(
                "exactly one managed node per enrollment and per VM",
                byEnrollment.exactlyOnce()
                        && byEnrollment.unexpected().isEmpty()
                        && byInstance.exactlyOnce()
                        && disagreeing.isEmpty(),
                byEnrollment.describe("enrollments") + "; " + byInstance.describe("VM instances") + "; "
                        + disagreeing.size() + " enrollments whose status names another node than SSM has");
    }

    /**
     * Every record on a dead-letter topic is one a consumer gave up on; in a drill without poison records each of
     * them is a valid event lost (an enrollment that never finishes, a result never shown). Counts them per topic.
     */
    void nothingDeadLettered(Section section, String bootstrapServers) {
        Map<String, Integer> deadLetters = new TreeMap<>();
        for (TopicDefinition<?> topic : Topics.all()) {
            int count = TopicReader.readAll(bootstrapServers, topic.deadLetterTopic(), Duration.ofSeconds(30))
                    .size();
            if (count > 0) {
                deadLetters.put(topic.deadLetterTopic(), count);
            }
        }
        section.check(
                "no valid record dead-lettered (every <topic>.DLT empty)",
                deadLetters.isEmpty(),
                deadLetters.isEmpty()
                        ? "all " + Topics.all().size() + " dead-letter topics empty"
                        : "dead-lettered: " + deadLetters);
    }

    /**
     * The checks that hold once the windows ran: waits up to {@code settle} for reporting to equal the simulator's
     * ground truth for every node, then counts each node's records on {@code patch.results}.
     */
    void afterWindows(
            Section section,
            List<CloudAccountSpec> accounts,
            Map<String, String> managedByEnrollment,
            Duration settle) {
        Set<String> managed = Set.copyOf(managedByEnrollment.values());
        long deadline = System.nanoTime() + settle.toNanos();
        Comparison comparison = compareWithReporting(accounts, managed);
        while (!comparison.equal() && System.nanoTime() < deadline) {
            pause(Duration.ofSeconds(10));
            comparison = compareWithReporting(accounts, managed);
        }
        section.figure("nodes with a patch report in SSM", comparison.reportedInSsm(), "nodes");
        section.check(
                "reporting's per-instance patches equal SSM's ground truth for every node",
                comparison.equal(),
                comparison.describe(managed.size()));
        PatchResultsTopic.Read topic = PatchResultsTopic.read(platform.infrastructure());
        List<String> onTopic = topic.managedInstanceIds();
        Tally tally = Tally.of(managed, onTopic, id -> id);
        section.figure("patch.results records", onTopic.size(), "records");
        if (topic.undecodable() > 0) {
            section.figure("patch.results records that do not decode", topic.undecodable(), "records");
        }
        section.check(
                "no patch.results lost: every registered node has at least one record",
                tally.atLeastOnce(),
                tally.describeAtLeastOnce("registered nodes"));
    }

    private record Comparison(int equalNodes, int reportedInSsm, List<String> differences) {

        boolean equal() {
            return differences.isEmpty();
        }

        String describe(int nodes) {
            return equalNodes + " of " + nodes + " nodes equal, " + reportedInSsm + " with a patch report in SSM"
                    + (differences.isEmpty()
                            ? ""
                            : "; e.g. " + differences.subList(0, Math.min(5, differences.size())));
        }
    }

    /**
     * Node by node: SSM must hold a patch report for it (else there is nothing to compare and the check could not
     * fail), and reporting must show its instance with exactly those patches.
     */
    private Comparison compareWithReporting(List<CloudAccountSpec> accounts, Set<String> managed) {
        Map<String, String> systemAccounts = new HashMap<>();
        truth.systemAccounts().stream()
                .filter(a -> a.cloudAccountKey() != null)
                .forEach(a -> systemAccounts.put(a.cloudAccountKey(), a.accountId()));
        Map<String, Map<String, String>> ssm = new HashMap<>();
        for (CloudAccountSpec account : accounts) {
            String systemAccount = systemAccounts.get(account.key());
            if (systemAccount != null) {
                ssm.putAll(truth.patches(systemAccount, account.awsRegion()));
            }
        }
        Map<String, JsonNode> reported = new HashMap<>();
        Map<String, String> tenantOf = new HashMap<>();
        for (String tenant : accounts.stream().map(CloudAccountSpec::tenantId).collect(Collectors.toSet())) {
            for (JsonNode instance : instances(tenant)) {
                reported.put(instance.path("managedInstanceId").asText(), instance);
                tenantOf.put(instance.path("managedInstanceId").asText(), tenant);
            }
        }
        List<String> differences = new ArrayList<>();
        int equal = 0;
        int inSsm = 0;
        for (String node : new java.util.TreeSet<>(managed)) {
            Map<String, String> expected = ssm.get(node);
            JsonNode instance = reported.get(node);
            if (expected != null) {
                inSsm++;
            }
            if (expected == null) {
                differences.add(node + ": no patch report in SSM");
            } else if (instance == null) {
                differences.add(node + ": not in reporting");
            } else if (!expected.equals(updates(Objects.requireNonNull(tenantOf.get(node), node), instance))) {
                differences.add(node + ": patches differ");
            } else {
                equal++;
            }
        }
        return new Comparison(equal, inSsm, differences);
    }

    private Map<String, String> updates(String tenant, JsonNode instance) {
        JsonNode answer = reporting("/v1/tenants/" + tenant + "/instances/"
                + instance.get("instanceId").asText() + "/updates?provider="
                + instance.get("provider").asText()
                + "&cloudAccountId=" + instance.get("cloudAccountId").asText());
        return SimulatorTruth.reportedUpdates(answer.get("updates"));
    }

    private List<JsonNode> instances(String tenant) {
        List<JsonNode> all = new ArrayList<>();
        String pageToken = null;
        do {
            JsonNode page = reporting("/v1/tenants/" + tenant + "/instances?pageSize=500"
                    + (pageToken == null ? "" : "&pageToken=" + pageToken));
            page.get("instances").forEach(all::add);
            pageToken =
                    page.hasNonNull("nextPageToken") ? page.get("nextPageToken").asText() : null;
        } while (pageToken != null);
        return all;
    }

    private JsonNode reporting(String pathAndQuery) {
        return http.get(
                        URI.create(platform.service(LocalService.REPORTING) + pathAndQuery),
                        Map.of("Authorization", "Bearer " + platform.tokens().token("drill-auditor", null)))
                .ok();
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
