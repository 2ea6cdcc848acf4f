package io.crosspatch.bench.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import io.crosspatch.launcher.fleet.CloudAccountSpec;
import io.crosspatch.simulator.client.SimulatorControl;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jspecify.annotations.Nullable;

/**
 * What the simulator says SSM holds after the windows ran, read from its control endpoints (never through
 * Crosspatch): per cloud account the summary figures, per managed node its patch state. The patch lists themselves
 * are not asked for: at 100,000 nodes they are gigabytes of JSON, and the sweep compares counts and times.
 */
final class SsmTruth {

    private final Map<String, AccountFigures> figuresByAccount;
    private final Map<String, NodeState> statesByNode;

    private SsmTruth(Map<String, AccountFigures> figuresByAccount, Map<String, NodeState> statesByNode) {
        this.figuresByAccount = Map.copyOf(figuresByAccount);
        this.statesByNode = Map.copyOf(statesByNode);
    }

    /** The system account account-service made for each cloud account, by cloud account key (from its tags). */
    static Map<String, String> systemAccounts(SimulatorControl simulator) {
        Map<String, String> systemAccounts = new HashMap<>();
        for (JsonNode account : simulator.organizationAccounts()) {
            JsonNode tags = account.path("tags");
            if (tags.has("crosspatch:provider") && tags.has("crosspatch:cloud-account-id")) {
                systemAccounts.put(
                        tags.get("crosspatch:provider").asText().toLowerCase(Locale.ROOT) + ":"
                                + tags.get("crosspatch:cloud-account-id").asText(),
                        account.get("id").asText());
            }
        }
        return systemAccounts;
    }

    /** Reads every account's nodes and patch states, {@code parallelism} accounts at a time. */
    static SsmTruth read(
            SimulatorControl simulator,
            List<CloudAccountSpec> accounts,
            Map<String, String> systemAccounts,
            int parallelism)
            throws InterruptedException {
        Map<String, AccountFigures> figures = new ConcurrentHashMap<>();
        Map<String, NodeState> states = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(parallelism);
        try {
            List<Future<?>> reads = new ArrayList<>();
            for (CloudAccountSpec account : accounts) {
                reads.add(pool.submit(() -> {
                    String systemAccount = systemAccounts.get(account.key());
                    if (systemAccount == null) {
                        figures.put(account.key(), AccountFigures.ofTruth(List.of(), List.of()));
                        return;
                    }
                    List<JsonNode> nodes = new ArrayList<>();
                    simulator.nodes(systemAccount, account.awsRegion()).forEach(nodes::add);
                    List<JsonNode> reported = new ArrayList<>();
                    for (JsonNode state : simulator.patchStates(systemAccount, account.awsRegion(), false)) {
                        reported.add(state);
                        states.put(state.get("InstanceId").asText(), NodeState.ofTruth(state));
                    }
                    figures.put(account.key(), AccountFigures.ofTruth(nodes, reported));
                }));
            }
            for (Future<?> read : reads) {
                read.get();
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("reading the simulator's ground truth failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
        return new SsmTruth(figures, states);
    }

    /** The figures of an account {@link #read} was given (it reads every one, an account without nodes too). */
    AccountFigures figures(String cloudAccountKey) {
        return Objects.requireNonNull(
                figuresByAccount.get(cloudAccountKey), () -> "no figures were read for " + cloudAccountKey);
    }

    /** The node's patch state as SSM last reported it; null when no run reached it. */
    @Nullable
    NodeState state(String managedInstanceId) {
        return statesByNode.get(managedInstanceId);
    }

    int reportedNodes() {
        return statesByNode.size();
    }
}
