package io.crosspatch.simulator.ssm;

import com.fasterxml.jackson.databind.JsonNode;
import io.crosspatch.simulator.aws.AwsCall;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads an SSM request body the way the service validates it: each getter checks the member's documented
 * constraint (length, range, pattern, enum, list size) and answers ValidationException in AWS's wording, naming
 * the member by its path ({@code approvalRules.patchRules.1.member.approveAfterDays}). Members the operation does not
 * know are never read, so they are ignored as AWS ignores them.
 */
public final class SsmRequest {

    /** The pattern of tag keys and values, patch group names and default instance names. */
    public static final Pattern TAG_TEXT = Pattern.compile("^([\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*)$");
    /** Names of baselines, windows, window targets and tasks. */
    public static final Pattern RESOURCE_NAME = Pattern.compile("^[a-zA-Z0-9_\\-.]{3,128}$");
    /** MaxConcurrency of window tasks and associations: a number or a percentage. */
    public static final Pattern MAX_CONCURRENCY = Pattern.compile("^([1-9][0-9]*|[1-9][0-9]%|[1-9]%|100%)$");
    /** MaxErrors of window tasks and associations: a number (0 allowed) or a percentage. */
    public static final Pattern MAX_ERRORS = Pattern.compile("^([1-9][0-9]*|[0]|[1-9][0-9]%|[0-9]%|100%)$");

    private static final Pattern TARGET_KEY = Pattern.compile(
            "^[\\p{L}\\p{Z}\\p{N}_.:/=\\-@]*$|resource-groups:ResourceTypeFilters|resource-groups:Name");

    private final JsonNode node;
    private final String path;

    private SsmRequest(JsonNode node, String path) {
        this.node = node;
        this.path = path;
    }

    public static SsmRequest of(AwsCall call) {
        return new SsmRequest(call.json(), "");
    }

    public boolean has(String member) {
        JsonNode value = node.get(member);
        return value != null && !value.isNull();
    }

    /** The names of the members of this structure (for map-shaped members). */
    public List<String> memberNames() {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** The member's path as AWS names it in messages, e.g. {@code approvalRules.patchRules}. */
    public String path(String member) {
        String camel = Character.toLowerCase(member.charAt(0)) + member.substring(1);
        return path.isEmpty() ? camel : path + "." + camel;
    }

    /** An optional string, unchecked. */
    public @Nullable String string(String member) {
        return has(member) ? node.get(member).asText() : null;
    }

    /** An optional string of {@code min}–{@code max} characters matching {@code pattern} (when not null). */
    public @Nullable String string(String member, int min, int max, @Nullable Pattern pattern) {
        String value = string(member);
        if (value == null) {
            return null;
        }
        if (value.length() < min) {
            throw SsmErrors.constraint(value, path(member), "Member must have length greater than or equal to " + min);
        }
        if (value.length() > max) {
            throw SsmErrors.constraint(value, path(member), "Member must have length less than or equal to " + max);
        }
        if (pattern != null && !pattern.matcher(value).matches()) {
            throw SsmErrors.constraint(
                    value, path(member), "Member must satisfy regular expression pattern: " + pattern.pattern());
        }
        return value;
    }

    /** A required string, checked as {@link #string(String, int, int, Pattern)}. */
    public String required(String member, int min, int max, @Nullable Pattern pattern) {
        String value = string(member, min, max, pattern);
        if (value == null) {
            throw SsmErrors.constraint(null, path(member), "Member must not be null");
        }
        return value;
    }

    /** An optional member that must be one of {@code allowed}. */
    public @Nullable String enumValue(String member, Collection<String> allowed) {
        String value = string(member);
        if (value != null && !allowed.contains(value)) {
            throw SsmErrors.constraint(value, path(member), "Member must satisfy enum value set: " + allowed);
        }
        return value;
    }

    /** An optional integer within {@code min}–{@code max}. */
    public @Nullable Integer integer(String member, int min, int max) {
        if (!has(member)) {
            return null;
        }
        int value = node.get(member).asInt();
        if (value < min) {
            throw SsmErrors.constraint(value, path(member), "Member must have value greater than or equal to " + min);
        }
        if (value > max) {
            throw SsmErrors.constraint(value, path(member), "Member must have value less than or equal to " + max);
        }
        return value;
    }

    /** A required integer within {@code min}–{@code max}. */
    public int requiredInteger(String member, int min, int max) {
        Integer value = integer(member, min, max);
        if (value == null) {
            throw SsmErrors.constraint(null, path(member), "Member must not be null");
        }
        return value;
    }

    public @Nullable Boolean bool(String member) {
        return has(member) ? node.get(member).asBoolean() : null;
    }

    public boolean requiredBool(String member) {
        Boolean value = bool(member);
        if (value == null) {
            throw SsmErrors.constraint(null, path(member), "Member must not be null");
        }
        return value;
    }

    /** An optional string, checked against the pattern only. */
    public @Nullable String string(String member, Pattern pattern) {
        return string(member, 0, Integer.MAX_VALUE, pattern);
    }

    /** A timestamp member: JSON 1.1 sends epoch seconds as a number. */
    public @Nullable Instant timestamp(String member) {
        if (!has(member)) {
            return null;
        }
        BigDecimal seconds = node.get(member).decimalValue();
        return Instant.ofEpochMilli(seconds.movePointRight(3).longValue());
    }

    /** An optional list of strings; empty when absent. */
    public List<String> strings(String member, int maxItems, int minLength, int maxLength) {
        List<String> values = new ArrayList<>();
        if (!has(member)) {
            return values;
        }
        JsonNode list = node.get(member);
        if (list.size() > maxItems) {
            throw SsmErrors.constraint(
                    list.size() + " items", path(member), "Member must have length less than or equal to " + maxItems);
        }
        for (int i = 0; i < list.size(); i++) {
            String value = list.get(i).asText();
            String itemPath = path(member) + "." + (i + 1) + ".member";
            if (value.length() < minLength || value.length() > maxLength) {
                throw SsmErrors.constraint(
                        value, itemPath, "Member must have length between " + minLength + " and " + maxLength);
            }
            values.add(value);
        }
        return values;
    }

    /** A nested structure, or null when absent. */
    public @Nullable SsmRequest object(String member) {
        return has(member) ? new SsmRequest(node.get(member), path(member)) : null;
    }

    /** A list of structures; empty when absent. */
    public List<SsmRequest> objects(String member, int maxItems) {
        List<SsmRequest> items = new ArrayList<>();
        if (!has(member)) {
            return items;
        }
        JsonNode list = node.get(member);
        if (list.size() > maxItems) {
            throw SsmErrors.constraint(
                    list.size() + " items", path(member), "Member must have length less than or equal to " + maxItems);
        }
        for (int i = 0; i < list.size(); i++) {
            items.add(new SsmRequest(list.get(i), path(member) + "." + (i + 1) + ".member"));
        }
        return items;
    }

    /** A {@code Tags} list: keys 1–128, values 0–256 characters of the tag pattern, at most 50 per resource. */
    public Map<String, String> tags(String member) {
        Map<String, String> tags = new LinkedHashMap<>();
        for (SsmRequest tag : objects(member, 1000)) {
            tags.put(tag.required("Key", 1, 128, TAG_TEXT), tag.required("Value", 0, 256, TAG_TEXT));
        }
        if (tags.size() > Tags.MAX_PER_RESOURCE) {
            throw SsmErrors.constraint(
                    tags.size() + " tags",
                    path(member),
                    "Member must have length less than or equal to " + Tags.MAX_PER_RESOURCE);
        }
        return tags;
    }

    /** A {@code Targets} list: at most 5 targets of up to 50 values each. */
    public List<Target> targets(String member) {
        List<Target> targets = new ArrayList<>();
        for (SsmRequest target : objects(member, 5)) {
            String key = target.required("Key", 1, 163, TARGET_KEY);
            targets.add(new Target(key, target.strings("Values", 50, 0, 256)));
        }
        return targets;
    }

    /** A document {@code Parameters} map: parameter name to a list of values. */
    public Map<String, List<String>> parameters(String member) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        if (has(member)) {
            node.get(member).fields().forEachRemaining(entry -> {
                List<String> values = new ArrayList<>();
                entry.getValue().forEach(value -> values.add(value.asText()));
                parameters.put(entry.getKey(), values);
            });
        }
        return parameters;
    }

    /** {@code MaxResults} within the operation's documented range, or its default. */
    public int maxResults(int min, int max, int defaultValue) {
        Integer value = integer("MaxResults", min, max);
        return value == null ? defaultValue : value;
    }

    public @Nullable String nextToken() {
        return string("NextToken");
    }
}
