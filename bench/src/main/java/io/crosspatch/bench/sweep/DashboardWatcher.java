package io.crosspatch.bench.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import io.crosspatch.launcher.fleet.CloudAccountSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * Watches the dashboard's data (the reporting API) in rounds after the windows ran: each round walks every tenant's
 * instance list, noting when each node first shows the Install the windows ran ({@link ArrivalCurve}), and — once
 * every node does — compares each node with the simulator's ground truth and each account's summary row with the
 * figures SSM's state gives. The sweep is complete at the first round where all of that is equal. Rounds poll the API
 * as a dashboard would (one instance page of 500 at a time), never per node; a node's arrival is stamped when the
 * page showing it came back, so the curve's resolution is one page, not one round.
 */
final class DashboardWatcher {

    /** How the watch ended: the time to complete (empty on timeout) and, if not complete, what still differed. */
    record Outcome(
            Optional<Duration> complete, int rounds, int nodesDiffering, Map<String, String> accountsDiffering) {}

    private final ReportingApi api;
    private final List<CloudAccountSpec> accounts;
    private final Set<String> managedInstanceIds;
    private final Instant windowsOpenedAt;
    private final long startNanos;
    private final ArrivalCurve curve;

    /**
     * @param managedInstanceIds the nodes the windows ran on
     * @param windowsOpenedAt    the simulated time the first window opened: an Install ending before it is older
     * @param startNanos         when the first window was opened ({@link System#nanoTime()})
     */
    DashboardWatcher(
            ReportingApi api,
            List<CloudAccountSpec> accounts,
            Set<String> managedInstanceIds,
            Instant windowsOpenedAt,
            long startNanos) {
        this.api = api;
        this.accounts = List.copyOf(accounts);
        this.managedInstanceIds = Set.copyOf(managedInstanceIds);
        this.windowsOpenedAt = windowsOpenedAt;
        this.startNanos = startNanos;
        this.curve = new ArrivalCurve(startNanos, managedInstanceIds.size());
    }

    ArrivalCurve curve() {
        return curve;
    }

    /**
     * Rounds until complete or {@code timeout} after the start. {@code truth} is read while the first rounds run
     * (it takes a while at 100,000 nodes); completeness is only judged once it is there.
     */
    Outcome awaitComplete(
            CompletableFuture<SsmTruth> truth, Duration timeout, Duration pause, Consumer<String> progress)
            throws InterruptedException {
        long deadline = startNanos + timeout.toNanos();
        int rounds = 0;
        int nodesDiffering = managedInstanceIds.size();
        Map<String, String> accountsDiffering = Map.of("all", "not compared yet");
        Set<String> tenants = new TreeSet<>();
        accounts.forEach(account -> tenants.add(account.tenantId()));
        while (System.nanoTime() < deadline) {
            long roundStart = System.nanoTime();
            rounds++;
            Map<String, NodeState> shown = new HashMap<>();
            for (String tenant : tenants) {
                api.forEachInstance(tenant, instance -> observe(instance, shown));
            }
            if (curve.arrived() == curve.expected() && truth.isDone()) {
                SsmTruth ssm = truth.join();
                nodesDiffering = nodesDiffering(shown, ssm);
                accountsDiffering =
                        nodesDiffering == 0 ? accountsDiffering(tenants, ssm) : Map.of("all", "nodes differ");
                if (nodesDiffering == 0 && accountsDiffering.isEmpty()) {
                    return new Outcome(
                            Optional.of(Duration.ofNanos(System.nanoTime() - startNanos)), rounds, 0, Map.of());
                }
            }
            progress.accept(String.format(
                    "round %d: %d of %d nodes show the install, %d differ from SSM, accounts differing: %s",
                    rounds, curve.arrived(), curve.expected(), nodesDiffering, accountsDiffering.keySet()));
            long rest = pause.toMillis() - (System.nanoTime() - roundStart) / 1_000_000;
            if (rest > 0) {
                Thread.sleep(rest);
            }
        }
        return new Outcome(Optional.empty(), rounds, nodesDiffering, accountsDiffering);
    }

    private void observe(JsonNode instance, Map<String, NodeState> shown) {
        long now = System.nanoTime();
        String managed = instance.path("managedInstanceId").asText("");
        if (!managedInstanceIds.contains(managed)) {
            return;
        }
        NodeState state = NodeState.ofInstance(instance);
        shown.put(managed, state);
        if (state.installedSince(windowsOpenedAt)) {
            curve.seen(managed, now);
        }
    }

    private int nodesDiffering(Map<String, NodeState> shown, SsmTruth ssm) {
        int differing = 0;
        for (String managed : managedInstanceIds) {
            NodeState expected = ssm.state(managed);
            if (expected == null || !expected.equals(shown.get(managed))) {
                differing++;
            }
        }
        return differing;
    }

    /** Accounts whose summary row differs from SSM's figures, with both sides, by cloud account key. */
    private Map<String, String> accountsDiffering(Set<String> tenants, SsmTruth ssm) {
        Map<String, AccountFigures> reported = new HashMap<>();
        for (String tenant : tenants) {
            api.summary(tenant)
                    .path("accounts")
                    .forEach(row -> reported.put(
                            row.get("provider").asText() + ":"
                                    + row.get("cloudAccountId").asText(),
                            AccountFigures.ofSummary(row.get("figures"))));
        }
        Map<String, String> differing = new TreeMap<>();
        List<CloudAccountSpec> sorted = new ArrayList<>(accounts);
        for (CloudAccountSpec account : sorted) {
            AccountFigures expected = ssm.figures(account.key());
            AccountFigures shown = reported.get(account.key());
            if (!expected.equals(shown)) {
                differing.put(account.key(), "SSM " + expected + ", dashboard " + shown);
            }
        }
        return differing;
    }
}
