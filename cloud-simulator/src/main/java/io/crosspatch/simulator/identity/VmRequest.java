package io.crosspatch.simulator.identity;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The body of {@code POST /_sim/vms}, with the checks common to every provider done; the provider checks the rest
 * (the shape of its account id and location) and may read its own optional fields from {@link #body()}.
 */
public record VmRequest(
        Provider provider,
        String accountId,
        String instanceName,
        @Nullable String zone,
        @Nullable String region,
        String osFamily,
        String osVersion,
        Map<String, String> labels,
        JsonNode body) {

    private static final Pattern OS_FAMILY = Pattern.compile("[a-z][a-z0-9]{1,31}");
    private static final Pattern OS_VERSION = Pattern.compile("[A-Za-z0-9._-]{1,32}");
    private static final Pattern LABEL_KEY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,62}");
    private static final int MAX_LABELS = 64;

    public static VmRequest parse(JsonNode body) {
        String providerName = body.path("provider").asText("");
        Provider provider = Provider.fromWireName(providerName)
                .orElseThrow(() -> new InvalidRequestException(
                        "INVALID_PROVIDER",
                        "provider must be one of gcp, azure, aws, vmware; got '" + providerName + "'"));
        String accountId = required(body, "accountId");
        String instanceName = required(body, "instanceName");
        if (instanceName.length() > 63 || instanceName.isBlank()) {
            throw new InvalidRequestException("INVALID_INSTANCE_NAME", "instanceName must have 1 to 63 characters");
        }
        String osFamily = body.path("osFamily").asText("ubuntu");
        if (!OS_FAMILY.matcher(osFamily).matches()) {
            throw new InvalidRequestException(
                    "INVALID_OS", "osFamily must be a lower-case word such as ubuntu or windows");
        }
        String osVersion = body.path("osVersion").asText("22.04");
        if (!OS_VERSION.matcher(osVersion).matches()) {
            throw new InvalidRequestException("INVALID_OS", "osVersion must have 1 to 32 characters of [A-Za-z0-9._-]");
        }
        return new VmRequest(
                provider,
                accountId,
                instanceName,
                optional(body, "zone"),
                optional(body, "region"),
                osFamily,
                osVersion,
                labels(body.path("labels")),
                body);
    }

    private static Map<String, String> labels(JsonNode node) {
        Map<String, String> labels = new LinkedHashMap<>();
        if (node.isMissingNode() || node.isNull()) {
            return labels;
        }
        if (!node.isObject() || node.size() > MAX_LABELS) {
            throw new InvalidRequestException(
                    "INVALID_LABELS", "labels must be an object of at most " + MAX_LABELS + " strings");
        }
        node.fields().forEachRemaining(entry -> {
            if (!LABEL_KEY.matcher(entry.getKey()).matches()
                    || !entry.getValue().isTextual()
                    || entry.getValue().asText().length() > 256) {
                throw new InvalidRequestException(
                        "INVALID_LABELS",
                        "label '" + entry.getKey()
                                + "' must have a key of [A-Za-z0-9._-] (at most 63) and a string value (at most 256)");
            }
            labels.put(entry.getKey(), entry.getValue().asText());
        });
        return labels;
    }

    private static String required(JsonNode body, String field) {
        String value = optional(body, field);
        if (value == null) {
            throw new InvalidRequestException("MISSING_FIELD", field + " is required");
        }
        return value;
    }

    private static @Nullable String optional(JsonNode body, String field) {
        JsonNode value = body.path(field);
        return value.isTextual() && !value.asText().isEmpty() ? value.asText() : null;
    }

    /** Fails with INVALID_ACCOUNT_ID unless the account id has the provider's shape. */
    public void requireAccountId(Pattern shape, String description) {
        if (!shape.matcher(accountId).matches()) {
            throw new InvalidRequestException(
                    "INVALID_ACCOUNT_ID", "accountId must be " + description + "; got '" + accountId + "'");
        }
    }

    /** The zone or region given (whichever is present), or the default; fails with INVALID_LOCATION if malformed. */
    public String location(Pattern shape, String defaultValue, String description) {
        String value = zone != null ? zone : region != null ? region : defaultValue;
        if (!shape.matcher(value).matches()) {
            throw new InvalidRequestException("INVALID_LOCATION", description + "; got '" + value + "'");
        }
        return value;
    }
}
