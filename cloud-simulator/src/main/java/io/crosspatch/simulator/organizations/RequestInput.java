package io.crosspatch.simulator.organizations;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads the members of an Organizations request and checks them against the service model's constraints,
 * answering as Organizations does: {@code InvalidInputException} with the documented {@code Reason}
 * ({@code INPUT_REQUIRED}, {@code MIN_LENGTH_EXCEEDED}, {@code MAX_LENGTH_EXCEEDED}, {@code INVALID_PATTERN},
 * {@code INVALID_ENUM}, {@code MIN_VALUE_EXCEEDED}, {@code MAX_VALUE_EXCEEDED}, {@code DUPLICATE_TAG_KEY},
 * {@code INVALID_SYSTEM_TAGS_PARAMETER}).
 */
final class RequestInput {

    private static final Pattern TAG_TEXT = Pattern.compile("[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*");

    private final JsonNode json;

    RequestInput(JsonNode json) {
        this.json = json;
    }

    /** A string member the request must have, {@code min}–{@code max} characters long and matching {@code pattern}. */
    String required(String member, int min, int max, Pattern pattern, String patternReason) {
        String value = optional(member, min, max, pattern, patternReason);
        if (value == null) {
            throw OrganizationsErrors.invalidInput("INPUT_REQUIRED", "You must specify a value for " + member + ".");
        }
        return value;
    }

    /** Like {@link #required}, or null when the member is absent. */
    @Nullable
    String optional(String member, int min, int max, Pattern pattern, String patternReason) {
        return checked(json, member, min, max, pattern, patternReason);
    }

    /** {@code MaxResults}: 1–20, or null when absent. */
    @Nullable
    Integer maxResults() {
        JsonNode node = json.get("MaxResults");
        if (node == null || node.isNull()) {
            return null;
        }
        int value = node.asInt();
        if (value < 1) {
            throw OrganizationsErrors.invalidInput(
                    "MIN_VALUE_EXCEEDED",
                    "You provided a numeric parameter that has a smaller value than allowed: MaxResults.");
        }
        if (value > 20) {
            throw OrganizationsErrors.invalidInput(
                    "MAX_VALUE_EXCEEDED",
                    "You provided a numeric parameter that has a larger value than allowed: MaxResults.");
        }
        return value;
    }

    /** A list of enum values; empty when absent. */
    List<String> enumList(String member, Set<String> allowed) {
        List<String> values = new ArrayList<>();
        for (JsonNode item : json.path(member)) {
            if (!allowed.contains(item.asText())) {
                throw OrganizationsErrors.invalidInput(
                        "INVALID_ENUM", "You specified an invalid value for " + member + ".");
            }
            values.add(item.asText());
        }
        return values;
    }

    /** {@code TagKeys} of UntagResource: required, each a valid tag key. */
    List<String> tagKeys(String member) {
        JsonNode list = json.get(member);
        if (list == null || list.isNull()) {
            throw OrganizationsErrors.invalidInput("INPUT_REQUIRED", "You must specify a value for " + member + ".");
        }
        List<String> keys = new ArrayList<>();
        for (JsonNode key : list) {
            keys.add(tagKey(key.isNull() ? null : key.asText()));
        }
        return keys;
    }

    /**
     * A list of {@code {Key, Value}} tags: key 1–128 and value 0–256 characters of the documented set, no key
     * twice, no {@code aws:} key (those are AWS's system tags). Empty when absent and not required.
     */
    Map<String, String> tags(String member, boolean required) {
        JsonNode list = json.get(member);
        if (list == null || list.isNull()) {
            if (required) {
                throw OrganizationsErrors.invalidInput(
                        "INPUT_REQUIRED", "You must specify a value for " + member + ".");
            }
            return Map.of();
        }
        Map<String, String> tags = new LinkedHashMap<>();
        for (JsonNode tag : list) {
            String key = tagKey(text(tag, "Key"));
            String value = checked(tag, "Value", 0, 256, TAG_TEXT, "INVALID_PATTERN");
            if (value == null) {
                throw OrganizationsErrors.invalidInput(
                        "INPUT_REQUIRED", "You must specify a value for the tag " + key + ".");
            }
            if (tags.putIfAbsent(key, value) != null) {
                throw OrganizationsErrors.invalidInput(
                        "DUPLICATE_TAG_KEY",
                        "Tag keys must be unique among the tags attached to the same entity: " + key + ".");
            }
        }
        return tags;
    }

    private static String tagKey(@Nullable String key) {
        if (key == null) {
            throw OrganizationsErrors.invalidInput("INPUT_REQUIRED", "You must specify a value for the tag key.");
        }
        checkText("Key", key, 1, 128, TAG_TEXT, "INVALID_PATTERN");
        if (key.toLowerCase(Locale.ROOT).startsWith("aws:")) {
            throw OrganizationsErrors.invalidInput(
                    "INVALID_SYSTEM_TAGS_PARAMETER", "You specified a tag key that is a system tag: " + key + ".");
        }
        return key;
    }

    private static @Nullable String checked(
            JsonNode node, String member, int min, int max, Pattern pattern, String patternReason) {
        String value = text(node, member);
        return value == null ? null : checkText(member, value, min, max, pattern, patternReason);
    }

    /** The member's text, or null when it is absent or JSON null. */
    private static @Nullable String text(JsonNode node, String member) {
        JsonNode value = node.get(member);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static String checkText(
            String member, String text, int min, int max, Pattern pattern, String patternReason) {
        int length = text.codePointCount(0, text.length());
        if (length < min) {
            throw OrganizationsErrors.invalidInput(
                    "MIN_LENGTH_EXCEEDED",
                    "You provided a string parameter that is shorter than allowed: " + member + ".");
        }
        if (length > max) {
            throw OrganizationsErrors.invalidInput(
                    "MAX_LENGTH_EXCEEDED",
                    "You provided a string parameter that is longer than allowed: " + member + ".");
        }
        if (!pattern.matcher(text).matches()) {
            throw OrganizationsErrors.invalidInput(
                    patternReason, "You provided a value that does not match the required pattern: " + member + ".");
        }
        return text;
    }
}
