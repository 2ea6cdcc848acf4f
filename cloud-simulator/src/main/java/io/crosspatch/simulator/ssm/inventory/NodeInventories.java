package io.crosspatch.simulator.ssm.inventory;

import io.crosspatch.simulator.ssm.ManagedNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every node's gathered inventory, per type, and the applications installed on nodes by hand since (which the
 * next gather finds). A gather replaces a type only when its content changed, keeping SSM's capture time
 * otherwise. Items are immutable and replaced whole, so API threads always read a consistent one.
 */
final class NodeInventories {

    private final SoftwareCatalogue catalogue;
    /** account/region → instance id → the node's items. */
    private final Map<String, Map<String, Map<InventoryType, InventoryItem>>> byRegion = new ConcurrentHashMap<>();

    private final Map<String, Map<String, Map<String, String>>> installedByHand = new ConcurrentHashMap<>();

    NodeInventories(SoftwareCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    /** What {@code AWS-GatherSoftwareInventory} does on one node at {@code at}. */
    synchronized void gather(String accountId, String region, ManagedNode node, Instant at) {
        String key = key(accountId, region, node.instanceId());
        Map<String, Map<InventoryType, InventoryItem>> nodes =
                byRegion.computeIfAbsent(regionKey(accountId, region), k -> new ConcurrentHashMap<>());
        Map<InventoryType, InventoryItem> current = nodes.getOrDefault(node.instanceId(), Map.of());
        Map<InventoryType, InventoryItem> next = new EnumMap<>(InventoryType.class);
        next.put(
                InventoryType.INSTANCE_INFORMATION,
                item(current, InventoryType.INSTANCE_INFORMATION, List.of(instanceInformation(node)), at));
        next.put(InventoryType.APPLICATION, item(current, InventoryType.APPLICATION, applications(key, node), at));
        next.put(InventoryType.NETWORK, item(current, InventoryType.NETWORK, List.of(network(node)), at));
        nodes.put(node.instanceId(), Map.copyOf(next));
    }

    /** Installs (or upgrades, by name) an application on a node; the next gather reports it. */
    void install(String accountId, String region, String instanceId, Map<String, String> entry) {
        installedByHand
                .computeIfAbsent(key(accountId, region, instanceId), k -> new ConcurrentHashMap<>())
                .put(entry.get("Name"), Map.copyOf(entry));
    }

    /** How many nodes of the account and region have an inventory. */
    int gatheredCount(String accountId, String region) {
        return byRegion.getOrDefault(regionKey(accountId, region), Map.of()).size();
    }

    boolean gathered(String accountId, String region, String instanceId) {
        return byRegion.getOrDefault(regionKey(accountId, region), Map.of()).containsKey(instanceId);
    }

    Optional<InventoryItem> item(String accountId, String region, String instanceId, InventoryType type) {
        return Optional.ofNullable(byRegion.getOrDefault(regionKey(accountId, region), Map.of())
                .getOrDefault(instanceId, Map.of())
                .get(type));
    }

    /** Every gathered node of an account and region: instance id → its items, by instance id. */
    Map<String, Map<InventoryType, InventoryItem>> all(String accountId, String region) {
        return new TreeMap<>(byRegion.getOrDefault(regionKey(accountId, region), Map.of()));
    }

    private List<Map<String, String>> applications(String key, ManagedNode node) {
        Map<String, Map<String, String>> byName = new TreeMap<>();
        catalogue.applications(node, node.registrationDate()).forEach(entry -> byName.put(entry.get("Name"), entry));
        byName.putAll(installedByHand.getOrDefault(key, Map.of()));
        return new ArrayList<>(byName.values());
    }

    private static Map<String, String> instanceInformation(ManagedNode node) {
        Map<String, String> entry = new LinkedHashMap<>();
        entry.put("AgentType", "amazon-ssm-agent");
        entry.put("AgentVersion", node.agentVersion());
        entry.put("ComputerName", node.computerName());
        entry.put("InstanceId", node.instanceId());
        entry.put("InstanceStatus", "Active");
        entry.put("IpAddress", node.ipAddress() == null ? "" : node.ipAddress());
        entry.put("PlatformName", node.platformName());
        entry.put("PlatformType", node.platformType());
        entry.put("PlatformVersion", node.platformVersion() == null ? "" : node.platformVersion());
        entry.put("ResourceType", "ManagedInstance");
        return entry;
    }

    private static Map<String, String> network(ManagedNode node) {
        Map<String, String> entry = new LinkedHashMap<>();
        String ip = node.ipAddress() == null ? "" : node.ipAddress();
        entry.put("Name", node.operatingSystem().platformType().equals("Windows") ? "Ethernet" : "eth0");
        entry.put("IPV4", ip);
        entry.put("IPV6", "");
        entry.put("SubnetMask", "255.255.255.0");
        entry.put("Gateway", ip.contains(".") ? ip.substring(0, ip.lastIndexOf('.')) + ".1" : "");
        entry.put("DHCPServer", "");
        entry.put("DNSServer", "");
        entry.put("MacAddress", macOf(node.instanceId()));
        return entry;
    }

    private static InventoryItem item(
            Map<InventoryType, InventoryItem> current,
            InventoryType type,
            List<Map<String, String>> entries,
            Instant at) {
        String hash = hash(entries);
        InventoryItem before = current.get(type);
        if (before != null && before.contentHash().equals(hash)) {
            return before;
        }
        return new InventoryItem(type, at, hash, entries);
    }

    private static String hash(List<Map<String, String>> entries) {
        StringBuilder text = new StringBuilder();
        entries.forEach(entry -> new TreeMap<>(entry)
                .forEach((k, v) -> text.append(k).append('=').append(v).append('\u0000')));
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256")
                            .digest(text.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }

    private static String macOf(String instanceId) {
        int h = instanceId.hashCode();
        return String.format(
                java.util.Locale.ROOT,
                "02:00:%02x:%02x:%02x:%02x",
                h >>> 24 & 0xff,
                h >>> 16 & 0xff,
                h >>> 8 & 0xff,
                h & 0xff);
    }

    private static String regionKey(String accountId, String region) {
        return accountId + "/" + region;
    }

    private static String key(String accountId, String region, String instanceId) {
        return accountId + "/" + region + "/" + instanceId;
    }
}
