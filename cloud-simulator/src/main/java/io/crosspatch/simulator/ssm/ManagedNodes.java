package io.crosspatch.simulator.ssm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crosspatch.simulator.aws.AwsCall;
import io.crosspatch.simulator.aws.AwsOperations;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * DescribeInstanceInformation (with the current {@code Filters}, tag filters included, and the deprecated
 * {@code InstanceInformationFilterList}) and DeregisterManagedInstance.
 */
final class ManagedNodes {

    static final Pattern MANAGED_INSTANCE_ID = Pattern.compile("^mi-[0-9a-f]{17}$");
    private static final List<String> LEGACY_KEYS = List.of(
            "InstanceIds",
            "AgentVersion",
            "PingStatus",
            "PlatformTypes",
            "ActivationIds",
            "IamRole",
            "ResourceType",
            "AssociationStatus");
    private static final Set<String> PLATFORM_TYPES = Set.of("Windows", "Linux", "MacOS");
    private static final Set<String> RESOURCE_TYPES = Set.of("ManagedInstance", "EC2Instance");
    private static final String RESOURCE_TYPE = "ManagedInstance";
    private static final String SOURCE_TYPE = "AWS::SSM::ManagedInstance";

    private final SsmState state;

    ManagedNodes(SsmState state) {
        this.state = state;
    }

    void register(AwsOperations operations) {
        operations.json("ssm", "DescribeInstanceInformation", this::describeInstanceInformation);
        operations.json("ssm", "DeregisterManagedInstance", this::deregister);
    }

    private JsonNode describeInstanceInformation(AwsCall call) {
        SsmRequest request = SsmRequest.of(call);
        int maxResults = request.maxResults(5, 50, 10);
        SsmRegionState region = state.region(call.accountId(), call.region());
        Predicate<ManagedNode> filter = node -> true;
        for (SsmRequest legacy : request.objects("InstanceInformationFilterList", 1000)) {
            String key = legacy.required("key", 1, 128, null);
            if (!LEGACY_KEYS.contains(key)) {
                throw SsmErrors.constraint(
                        key, legacy.path("key"), "Member must satisfy enum value set: " + LEGACY_KEYS);
            }
            filter = filter.and(condition(region, key, values(legacy, "valueSet")));
        }
        boolean tagFilters = false;
        boolean otherFilters = false;
        for (SsmRequest current : request.objects("Filters", 1000)) {
            String key = current.required("Key", 1, 128, null);
            boolean tag = key.startsWith(Target.TAG_PREFIX) || key.equals(Target.TAG_KEY);
            tagFilters |= tag;
            otherFilters |= !tag;
            filter = filter.and(condition(region, key, values(current, "Values")));
        }
        if (tagFilters && otherFilters) {
            throw SsmErrors.of("InvalidFilterKey", "Tag filters can't be combined with other filter types.");
        }
        Page<ManagedNode> page =
                Page.of(region.nodes().stream().filter(filter).toList(), maxResults, request.nextToken());
        ObjectNode answer = SsmJson.object();
        ArrayNode list = answer.putArray("InstanceInformationList");
        page.items().forEach(node -> list.add(instanceInformation(node)));
        return SsmJson.put(answer, "NextToken", page.nextToken());
    }

    private static List<String> values(SsmRequest filter, String member) {
        List<String> values = filter.strings(member, 100, 1, 1024);
        if (values.isEmpty()) {
            throw SsmErrors.constraint(null, filter.path(member), "Member must have length greater than or equal to 1");
        }
        return values;
    }

    private static Predicate<ManagedNode> condition(SsmRegionState region, String key, List<String> values) {
        if (key.startsWith(Target.TAG_PREFIX)) {
            String tagKey = key.substring(Target.TAG_PREFIX.length());
            return node -> values.contains(node.tags().get(tagKey));
        }
        return switch (key) {
            case "InstanceIds" -> {
                values.stream()
                        .filter(id -> region.node(id).isEmpty())
                        .findFirst()
                        .ifPresent(id -> {
                            throw SsmErrors.invalidInstanceId("Instance id " + id + " is not valid or not registered.");
                        });
                yield matches(values, ManagedNode::instanceId);
            }
            case "AgentVersion" -> matches(values, ManagedNode::agentVersion);
            case "PingStatus" -> {
                checkValues(key, values, value -> PingStatus.fromWire(value).isPresent());
                yield matches(values, node -> node.pingStatus().wireName());
            }
            case "PlatformTypes", "PlatformType" -> {
                checkValues(key, values, PLATFORM_TYPES::contains);
                yield matches(values, ManagedNode::platformType);
            }
            case "ActivationIds" -> matches(values, ManagedNode::activationId);
            case "IamRole" -> matches(values, ManagedNode::iamRole);
            case "ResourceType" -> {
                checkValues(key, values, RESOURCE_TYPES::contains);
                yield node -> values.contains(RESOURCE_TYPE);
            }
            case "AssociationStatus" -> matches(values, ManagedNode::associationStatus);
            case "SourceIds" -> matches(values, ManagedNode::instanceId);
            case "SourceTypes" -> node -> values.contains(SOURCE_TYPE);
            case Target.TAG_KEY -> node -> values.stream().anyMatch(node.tags()::containsKey);
            default -> throw SsmErrors.of("InvalidFilterKey", "The filter key " + key + " isn't valid.");
        };
    }

    private static Predicate<ManagedNode> matches(List<String> values, Function<ManagedNode, String> field) {
        return node -> values.contains(field.apply(node));
    }

    private static void checkValues(String key, List<String> values, Predicate<String> valid) {
        values.stream().filter(valid.negate()).findFirst().ifPresent(value -> {
            throw SsmErrors.of(
                    "InvalidInstanceInformationFilterValue",
                    "The filter value " + value + " isn't valid for " + key + ".");
        });
    }

    private JsonNode deregister(AwsCall call) {
        String instanceId = SsmRequest.of(call).required("InstanceId", 20, 124, MANAGED_INSTANCE_ID);
        if (!state.region(call.accountId(), call.region()).removeNode(instanceId)) {
            throw SsmErrors.invalidInstanceId("Instance id " + instanceId + " is not registered.");
        }
        return SsmJson.object();
    }

    static ObjectNode instanceInformation(ManagedNode node) {
        ObjectNode json = SsmJson.object();
        SsmJson.put(json, "InstanceId", node.instanceId());
        SsmJson.put(json, "PingStatus", node.pingStatus().wireName());
        SsmJson.put(json, "LastPingDateTime", node.lastPingDateTime());
        SsmJson.put(json, "AgentVersion", node.agentVersion());
        SsmJson.put(json, "IsLatestVersion", node.isLatestVersion());
        SsmJson.put(json, "PlatformType", node.platformType());
        SsmJson.put(json, "PlatformName", node.platformName());
        SsmJson.put(json, "PlatformVersion", node.platformVersion());
        SsmJson.put(json, "ActivationId", node.activationId());
        SsmJson.put(json, "IamRole", node.iamRole());
        SsmJson.put(json, "RegistrationDate", node.registrationDate());
        SsmJson.put(json, "ResourceType", RESOURCE_TYPE);
        SsmJson.put(json, "Name", node.name());
        SsmJson.put(json, "IPAddress", node.ipAddress());
        SsmJson.put(json, "ComputerName", node.computerName());
        SsmJson.put(json, "AssociationStatus", node.associationStatus());
        SsmJson.put(json, "SourceId", node.instanceId());
        return SsmJson.put(json, "SourceType", SOURCE_TYPE);
    }
}
