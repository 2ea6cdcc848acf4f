package io.crosspatch.simulator.ssm.inventory;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/**
 * The inventory types {@code AWS-GatherSoftwareInventory} collects here, with the schema version SSM reports for
 * each. Other AWS types (AWS:File, AWS:Service, …) are valid names whose data this simulator never gathers.
 */
enum InventoryType {
    INSTANCE_INFORMATION(
            "AWS:InstanceInformation",
            "1.0",
            Set.of(
                    "AgentType",
                    "AgentVersion",
                    "ComputerName",
                    "InstanceId",
                    "InstanceStatus",
                    "IpAddress",
                    "PlatformName",
                    "PlatformType",
                    "PlatformVersion",
                    "ResourceType")),
    APPLICATION(
            "AWS:Application",
            "1.1",
            Set.of("Name", "Version", "Publisher", "ApplicationType", "Architecture", "InstalledTime")),
    NETWORK(
            "AWS:Network",
            "1.0",
            Set.of("Name", "IPV4", "IPV6", "SubnetMask", "Gateway", "DHCPServer", "DNSServer", "MacAddress"));

    /** AWS's other inventory types: valid names, never gathered here, so they list no entries. */
    static final Set<String> NOT_GATHERED = Set.of(
            "AWS:AWSComponent",
            "AWS:ComplianceItem",
            "AWS:ComplianceSummary",
            "AWS:File",
            "AWS:InstanceDetailedInformation",
            "AWS:Service",
            "AWS:Tag",
            "AWS:WindowsRegistry",
            "AWS:WindowsRole",
            "AWS:WindowsUpdate",
            "AWS:BillingInfo",
            "AWS:ResourceGroup");

    private final String typeName;
    private final String schemaVersion;
    private final Set<String> attributes;

    InventoryType(String typeName, String schemaVersion, Set<String> attributes) {
        this.typeName = typeName;
        this.schemaVersion = schemaVersion;
        this.attributes = attributes;
    }

    Set<String> attributes() {
        return attributes;
    }

    String typeName() {
        return typeName;
    }

    String schemaVersion() {
        return schemaVersion;
    }

    static Optional<InventoryType> of(String typeName) {
        return Arrays.stream(values()).filter(t -> t.typeName.equals(typeName)).findFirst();
    }
}
