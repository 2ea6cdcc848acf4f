package io.crosspatch.simulator.ssm.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crosspatch.simulator.aws.AwsCall;
import io.crosspatch.simulator.aws.AwsOperations;
import io.crosspatch.simulator.ssm.Page;
import io.crosspatch.simulator.ssm.SsmErrors;
import io.crosspatch.simulator.ssm.SsmJson;
import io.crosspatch.simulator.ssm.SsmRequest;
import io.crosspatch.simulator.ssm.SsmState;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * ListInventoryEntries as the API reference defines it: {@code InstanceId} ({@code i-…} or {@code mi-…}) and
 * {@code TypeName} ({@code AWS:…} or {@code Custom:…}) required, up to 5 {@code Filters}, {@code MaxResults} 1–50
 * (default 50), {@code NextToken}; the answer carries the type's {@code CaptureTime} (a string, seconds, UTC) and
 * {@code SchemaVersion}. A node not in the account is InvalidInstanceId; an unknown AWS type is
 * InvalidTypeNameException; a node not gathered yet lists no entries and no capture time.
 */
final class InventoryApi {

    private static final Pattern INSTANCE_ID = Pattern.compile("(^i-(\\w{8}|\\w{17})$)|(^mi-\\w{17}$)");
    private static final Pattern TYPE_NAME = Pattern.compile("^(AWS|Custom):.*$");
    private static final List<String> FILTER_TYPES =
            List.of("Equal", "NotEqual", "BeginWith", "LessThan", "GreaterThan", "Exists");

    private final SsmState ssm;
    private final NodeInventories inventories;

    InventoryApi(SsmState ssm, NodeInventories inventories) {
        this.ssm = ssm;
        this.inventories = inventories;
    }

    void register(AwsOperations operations) {
        operations.json("ssm", "ListInventoryEntries", this::listInventoryEntries);
    }

    private JsonNode listInventoryEntries(AwsCall call) {
        SsmRequest request = SsmRequest.of(call);
        String instanceId = request.required("InstanceId", 10, 124, INSTANCE_ID);
        String typeName = request.required("TypeName", 1, 100, TYPE_NAME);
        List<SsmRequest> filters = request.objects("Filters", 5);
        int maxResults = request.maxResults(1, 50, 50);
        Optional<InventoryType> type = InventoryType.of(typeName);
        if (type.isEmpty() && typeName.startsWith("AWS:") && !InventoryType.NOT_GATHERED.contains(typeName)) {
            throw SsmErrors.of("InvalidTypeNameException", "The parameter type name is not valid: " + typeName);
        }
        if (ssm.region(call.accountId(), call.region()).node(instanceId).isEmpty()) {
            throw SsmErrors.invalidInstanceId(
                    "Instance Id " + instanceId + " is not valid for this account and region.");
        }
        Predicate<Map<String, String>> matching = entry -> true;
        for (SsmRequest filter : filters) {
            matching = matching.and(filter(filter, typeName, type));
        }
        ObjectNode answer = SsmJson.object().put("InstanceId", instanceId).put("TypeName", typeName);
        Optional<InventoryItem> item =
                type.flatMap(t -> inventories.item(call.accountId(), call.region(), instanceId, t));
        if (item.isEmpty()) {
            answer.putArray("Entries");
            return answer;
        }
        Predicate<Map<String, String>> selected = matching;
        Page<Map<String, String>> page =
                Page.of(item.get().entries().stream().filter(selected).toList(), maxResults, request.nextToken());
        answer.put("SchemaVersion", item.get().type().schemaVersion());
        answer.put(
                "CaptureTime",
                item.get().captureTime().truncatedTo(ChronoUnit.SECONDS).toString());
        ArrayNode entries = answer.putArray("Entries");
        page.items().forEach(entry -> {
            ObjectNode json = entries.addObject();
            entry.forEach(json::put);
        });
        return SsmJson.put(answer, "NextToken", page.nextToken());
    }

    private static Predicate<Map<String, String>> filter(
            SsmRequest filter, String typeName, Optional<InventoryType> type) {
        String key = filter.required("Key", 1, 200, null);
        String attribute = key.startsWith(typeName + ".") ? key.substring(typeName.length() + 1) : key;
        if (type.isPresent() && !type.get().attributes().contains(attribute)) {
            throw SsmErrors.of("InvalidFilter", "The filter key " + key + " is not valid for " + typeName);
        }
        List<String> values = filter.strings("Values", 40, 0, 1024);
        if (values.isEmpty()) {
            throw SsmErrors.constraint(
                    null, filter.path("Values"), "Member must have length greater than or equal to 1");
        }
        String operator = filter.string("Type");
        operator = operator == null ? "Equal" : operator;
        if (!FILTER_TYPES.contains(operator)) {
            throw SsmErrors.constraint(
                    operator, filter.path("Type"), "Member must satisfy enum value set: " + FILTER_TYPES);
        }
        String op = operator;
        return entry -> {
            String value = entry.get(attribute);
            return switch (op) {
                case "Exists" -> value != null;
                case "NotEqual" -> value != null && !values.contains(value);
                case "BeginWith" -> value != null && values.stream().anyMatch(value::startsWith);
                case "LessThan" -> value != null && value.compareTo(values.get(0)) < 0;
                case "GreaterThan" -> value != null && value.compareTo(values.get(0)) > 0;
                default -> values.contains(value);
            };
        };
    }
}
