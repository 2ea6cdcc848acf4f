package io.crosspatch.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import io.crosspatch.launcher.fleet.CloudAccountSpec;
import io.crosspatch.simulator.client.SimulatorControl;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.StreamSupport;

/**
 * What the simulator says SSM holds, read from its test-only endpoints (never through Crosspatch): which system
 * account serves each cloud account (the Organizations tags account-service set), the managed nodes (ping status,
 * agent currency) and every node's last patch report. The end-to-end test compares the reporting API with this.
 */
final class GroundTruth {

    private final Map<String, String> systemAccountByCloudAccount;
    private final Map<String, List<JsonNode>> nodesByAccount;
    private final SimulatorControl simulator;
    private final Map<String, JsonNode> patchStatesByNode = new HashMap<>();
    private final Map<String, List<JsonNode>> statesByCloudAccount = new HashMap<>();
    private final Map<String, JsonNode> inventoryByNode = new HashMap<>();

    private GroundTruth(
            Map<String, String> systemAccountByCloudAccount,
            Map<String, List<JsonNode>> nodesByAccount,
            SimulatorControl simulator) {
        this.systemAccountByCloudAccount = systemAccountByCloudAccount;
        this.nodesByAccount = nodesByAccount;
        this.simulator = simulator;
    }

    static GroundTruth read(SimulatorControl simulator) {
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
        Map<String, List<JsonNode>> nodes = new HashMap<>();
        for (JsonNode node : simulator.nodes()) {
            nodes.computeIfAbsent(node.get("accountId").asText(), id -> new java.util.ArrayList<>())
                    .add(node);
        }
        GroundTruth truth = new GroundTruth(systemAccounts, nodes, simulator);
        for (CloudAccountSpec account : io.crosspatch.launcher.fleet.DemoTenants.ACCOUNTS) {
            String systemAccount = systemAccounts.get(account.key());
            if (systemAccount != null) {
                truth.statesByCloudAccount.put(account.key(), truth.patchStates(systemAccount, account.awsRegion()));
                simulator
                        .inventory(systemAccount, account.awsRegion())
                        .forEach(node ->
                                truth.inventoryByNode.put(node.get("InstanceId").asText(), node));
            }
        }
        return truth;
    }

    /** The summary figures of one cloud account as SSM has them, in the shape of {@link #figures(JsonNode)}. */
    Map<String, Object> figures(CloudAccountSpec account) {
        String systemAccount = systemAccountByCloudAccount.get(account.key());
        List<JsonNode> nodes =
                systemAccount == null ? List.of() : nodesByAccount.getOrDefault(systemAccount, List.of());
        // the patch reports of nodes SSM still holds: a deregistered node's last report stays in the simulator
        java.util.Set<String> registered = new java.util.HashSet<>();
        nodes.forEach(node -> registered.add(node.get("instanceId").asText()));
        List<JsonNode> states = statesByCloudAccount.getOrDefault(account.key(), List.of()).stream()
                .filter(state -> registered.contains(state.get("InstanceId").asText()))
                .toList();
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("instances", nodes.size());
        figures.put("online", (int) nodes.stream()
                .filter(n -> n.get("pingStatus").asText().equals("Online"))
                .count());
        figures.put(
                "pendingOsUpdates",
                states.stream().mapToInt(s -> s.get("MissingCount").asInt()).sum());
        figures.put("instancesWithPendingOsUpdates", (int)
                states.stream().filter(s -> s.get("MissingCount").asInt() > 0).count());
        figures.put("pendingAgentUpdates", (int) nodes.stream()
                .filter(n -> !n.get("isLatestVersion").asBoolean())
                .count());
        figures.put(
                "failedUpdates",
                states.stream().mapToInt(s -> s.get("FailedCount").asInt()).sum());
        figures.put("lastRunSucceeded", (int)
                states.stream().filter(s -> s.get("Succeeded").asBoolean()).count());
        figures.put("lastRunFailed", (int)
                states.stream().filter(s -> !s.get("Succeeded").asBoolean()).count());
        return figures;
    }

    /** The system account serving one cloud account, by the tags account-service put on it. */
    String systemAccount(CloudAccountSpec account) {
        String id = systemAccountByCloudAccount.get(account.key());
        if (id == null) {
            throw new AssertionError("no system account is tagged for " + account.key());
        }
        return id;
    }

    /**
     * What SSM's inventory says of one node, in the shape the life test compares: OS name and version (from
     * {@code AWS:InstanceInformation}) and how many applications ({@code AWS:Application}).
     */
    Map<String, Object> inventory(String managedInstanceId) {
        JsonNode node = inventoryByNode.get(managedInstanceId);
        if (node == null) {
            return Map.of();
        }
        JsonNode information =
                node.path("AWS:InstanceInformation").path("Entries").path(0);
        return Map.of(
                "os", information.path("PlatformName").asText(),
                "version", information.path("PlatformVersion").asText(),
                "applications", node.path("AWS:Application").path("Entries").size());
    }

    /** Every managed node id SSM holds, in every account. */
    java.util.Set<String> allManagedInstanceIds() {
        java.util.Set<String> ids = new java.util.TreeSet<>();
        nodesByAccount
                .values()
                .forEach(nodes ->
                        nodes.forEach(node -> ids.add(node.get("instanceId").asText())));
        return ids;
    }

    /** The managed node ids SSM holds for one cloud account's system account (none before it has one). */
    java.util.Set<String> managedInstanceIds(CloudAccountSpec account) {
        String systemAccount = systemAccountByCloudAccount.get(account.key());
        java.util.Set<String> ids = new java.util.TreeSet<>();
        if (systemAccount != null) {
            nodesByAccount
                    .getOrDefault(systemAccount, List.of())
                    .forEach(node -> ids.add(node.get("instanceId").asText()));
        }
        return ids;
    }

    /** The same figures out of a reporting summary row's {@code figures}. */
    static Map<String, Object> figures(JsonNode reported) {
        Map<String, Object> figures = new LinkedHashMap<>();
        for (String name : List.of(
                "instances",
                "online",
                "pendingOsUpdates",
                "instancesWithPendingOsUpdates",
                "pendingAgentUpdates",
                "failedUpdates")) {
            figures.put(name, reported.get(name).asInt());
        }
        figures.put(
                "lastRunSucceeded", reported.path("lastRun").path("succeeded").asInt());
        figures.put("lastRunFailed", reported.path("lastRun").path("failed").asInt());
        return figures;
    }

    /** One node's patches as SSM last reported them: id → state, severity, classification, install time. */
    Map<String, String> patches(String managedInstanceId) {
        JsonNode state = patchStatesByNode.get(managedInstanceId);
        Map<String, String> patches = new TreeMap<>();
        if (state != null) {
            state.get("Patches")
                    .forEach(p -> patches.put(
                            p.get("KBId").asText(),
                            line(
                                    p.get("State").asText(),
                                    p.get("Severity").asText(),
                                    p.get("Classification").asText(),
                                    instant(p.get("InstalledTime")))));
        }
        return patches;
    }

    /** The same out of the reporting API's updates of an instance. */
    static Map<String, String> updates(JsonNode updates) {
        Map<String, String> patches = new TreeMap<>();
        StreamSupport.stream(updates.spliterator(), false)
                .forEach(u -> patches.put(
                        u.get("name").asText(),
                        line(
                                u.get("installStatus").asText(),
                                u.get("severity").asText(),
                                u.get("classification").asText(),
                                instant(u.get("installedAt")))));
        return patches;
    }

    private List<JsonNode> patchStates(String systemAccount, String region) {
        List<JsonNode> states = new java.util.ArrayList<>();
        simulator.patchStates(systemAccount, region, true).forEach(state -> {
            states.add(state);
            patchStatesByNode.put(state.get("InstanceId").asText(), state);
        });
        return states;
    }

    private static String line(String state, String severity, String classification, Instant installedAt) {
        return state + " | " + severity + " | " + classification + " | " + installedAt;
    }

    /** At the contract's precision: events carry timestamp-millis (and AWS itself reports no finer). */
    private static Instant instant(JsonNode value) {
        return value == null || value.isNull() || value.asText().isEmpty()
                ? null
                : Instant.parse(value.asText()).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    }
}
