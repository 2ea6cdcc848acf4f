package io.crosspatch.simulator.ssm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crosspatch.simulator.http.Http;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Writes SSM response members the way the SDK reads them: timestamps as epoch seconds, absent optional members left
 * out, tags, targets and document parameters in their wire shapes.
 */
public final class SsmJson {

    private SsmJson() {}

    public static ObjectNode object() {
        return Http.JSON.createObjectNode();
    }

    /** JSON 1.1 timestamps: epoch seconds as a number, with milliseconds. */
    public static JsonNode time(Instant instant) {
        return DecimalNode.valueOf(BigDecimal.valueOf(instant.toEpochMilli(), 3));
    }

    /**
     * Puts a member unless its value is null: strings, numbers, booleans, instants (as timestamps) and JSON nodes.
     *
     * @return the object, for chaining
     */
    public static ObjectNode put(ObjectNode object, String member, @Nullable Object value) {
        if (value instanceof String text) {
            object.put(member, text);
        } else if (value instanceof Integer number) {
            object.put(member, number);
        } else if (value instanceof Boolean flag) {
            object.put(member, flag);
        } else if (value instanceof Instant instant) {
            object.set(member, time(instant));
        } else if (value instanceof JsonNode node) {
            object.set(member, node);
        } else if (value != null) {
            throw new IllegalArgumentException("cannot write " + value.getClass());
        }
        return object;
    }

    public static ArrayNode strings(Collection<String> values) {
        ArrayNode array = Http.JSON.createArrayNode();
        values.forEach(array::add);
        return array;
    }

    /** {@code [{"Key": …, "Value": …}]} */
    public static ArrayNode tags(Map<String, String> tags) {
        ArrayNode array = Http.JSON.createArrayNode();
        tags.forEach((key, value) -> array.addObject().put("Key", key).put("Value", value));
        return array;
    }

    /** {@code [{"Key": …, "Values": […]}]} */
    public static ArrayNode targets(List<Target> targets) {
        ArrayNode array = Http.JSON.createArrayNode();
        targets.forEach(target -> array.addObject().put("Key", target.key()).set("Values", strings(target.values())));
        return array;
    }

    /** {@code {"Operation": ["Install"]}} */
    public static ObjectNode parameters(Map<String, List<String>> parameters) {
        ObjectNode object = object();
        parameters.forEach((name, values) -> object.set(name, strings(values)));
        return object;
    }
}
