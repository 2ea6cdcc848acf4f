package io.crosspatch.bench.drill;

import com.fasterxml.jackson.databind.JsonNode;
import io.crosspatch.simulator.client.SimulatorControl;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * What the simulated AWS holds, read from the simulator's control endpoints and never through Crosspatch: the
 * Organizations accounts with the tags account-service put on them, the hybrid activations and managed nodes with
 * the tags patching-service put on them, and each node's last patch report. The audit compares Crosspatch's
 * outcomes with this.
 */
final class SimulatorTruth {

    static final String PROVIDER_TAG = "crosspatch:provider";
    static final String CLOUD_ACCOUNT_TAG = "crosspatch:cloud-account-id";
    static final String ENROLLMENT_TAG = "crosspatch:enrollment";
    static final String INSTANCE_TAG = "crosspatch:instance";

    /** An Organizations account, with the cloud account key its tags name ({@code null} for others). */
    record SystemAccount(String accountId, @Nullable String cloudAccountKey) {}

    /** A hybrid activation (never its code). */
    record Activation(
            String activationId,
            String accountId,
            String enrollmentId,
            int registrationLimit,
            int registrationsCount) {}

    /** A managed node. */
    record Node(String instanceId, String accountId, String region, String enrollmentId, String cloudInstanceId) {}

    private final SimulatorControl simulator;

    SimulatorTruth(SimulatorControl simulator) {
        this.simulator = simulator;
    }

    List<SystemAccount> systemAccounts() {
        List<SystemAccount> accounts = new ArrayList<>();
        for (JsonNode account : simulator.organizationAccounts()) {
            JsonNode tags = account.path("tags");
            String key = tags.has(PROVIDER_TAG) && tags.has(CLOUD_ACCOUNT_TAG)
                    ? tags.get(PROVIDER_TAG).asText().toLowerCase(Locale.ROOT) + ":"
                            + tags.get(CLOUD_ACCOUNT_TAG).asText()
                    : null;
            accounts.add(new SystemAccount(account.get("id").asText(), key));
        }
        return accounts;
    }

    List<Activation> activations() {
        List<Activation> activations = new ArrayList<>();
        for (JsonNode activation : simulator.activations()) {
            activations.add(new Activation(
                    activation.get("activationId").asText(),
                    activation.get("accountId").asText(),
                    activation.path("tags").path(ENROLLMENT_TAG).asText(null),
                    activation.get("registrationLimit").asInt(),
                    activation.get("registrationsCount").asInt()));
        }
        return activations;
    }

    List<Node> nodes() {
        List<Node> nodes = new ArrayList<>();
        for (JsonNode node : simulator.nodes()) {
            nodes.add(new Node(
                    node.get("instanceId").asText(),
                    node.get("accountId").asText(),
                    node.get("region").asText(),
                    node.path("tags").path(ENROLLMENT_TAG).asText(null),
                    node.path("tags").path(INSTANCE_TAG).asText(null)));
        }
        return nodes;
    }

    /**
     * Every reported node's patches in one system account and region, as a comparable line per patch: managed
     * instance id → (patch id → state, severity, classification, install time).
     */
    Map<String, Map<String, String>> patches(String accountId, String region) {
        Map<String, Map<String, String>> byNode = new TreeMap<>();
        for (JsonNode state : simulator.patchStates(accountId, region, true)) {
            Map<String, String> patches = new TreeMap<>();
            state.get("Patches")
                    .forEach(p -> patches.put(
                            p.get("KBId").asText(),
                            line(
                                    p.get("State").asText(),
                                    p.get("Severity").asText(),
                                    p.get("Classification").asText(),
                                    p.get("InstalledTime"))));
            byNode.put(state.get("InstanceId").asText(), patches);
        }
        return byNode;
    }

    /** The reporting API's updates of an instance, in the shape of {@link #patches}. */
    static Map<String, String> reportedUpdates(JsonNode updates) {
        Map<String, String> patches = new TreeMap<>();
        updates.forEach(u -> patches.put(
                u.get("name").asText(),
                line(
                        u.get("installStatus").asText(),
                        u.get("severity").asText(),
                        u.get("classification").asText(),
                        u.get("installedAt"))));
        return patches;
    }

    /** At the contract's precision: events carry timestamp-millis, and AWS reports no finer. */
    private static String line(String state, String severity, String classification, JsonNode installedAt) {
        Instant installed = installedAt == null
                        || installedAt.isNull()
                        || installedAt.asText().isEmpty()
                ? null
                : Instant.parse(installedAt.asText()).truncatedTo(ChronoUnit.MILLIS);
        return state + " | " + severity + " | " + classification + " | " + installed;
    }
}
