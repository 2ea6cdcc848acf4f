package io.crosspatch.simulator.ssm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crosspatch.simulator.aws.AwsCall;
import io.crosspatch.simulator.aws.AwsOperations;
import io.crosspatch.simulator.iam.IamService;
import io.crosspatch.simulator.iam.Role;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * CreateActivation, DescribeActivations, DeleteActivation. The activation's IAM role must exist in the caller's
 * account and trust {@code ssm.amazonaws.com}, as AWS checks; it expires after 24 hours by default and at most 30
 * days ahead.
 */
final class Activations {

    static final Pattern ACTIVATION_ID =
            Pattern.compile("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$");
    private static final Duration DEFAULT_EXPIRY = Duration.ofHours(24);
    private static final Duration MAX_EXPIRY = Duration.ofDays(30);
    private static final List<String> FILTER_KEYS = List.of("ActivationIds", "DefaultInstanceName", "IamRole");

    private final SsmState state;
    private final IamService iam;
    private final Clock clock;

    Activations(SsmState state, IamService iam, Clock clock) {
        this.state = state;
        this.iam = iam;
        this.clock = clock;
    }

    void register(AwsOperations operations) {
        operations.json("ssm", "CreateActivation", this::create);
        operations.json("ssm", "DescribeActivations", this::describe);
        operations.json("ssm", "DeleteActivation", this::delete);
    }

    private JsonNode create(AwsCall call) {
        SsmRequest request = SsmRequest.of(call);
        String iamRole = request.required("IamRole", 1, 64, null);
        String description = request.string("Description", 0, 256, null);
        String defaultInstanceName = request.string("DefaultInstanceName", 0, 256, SsmRequest.TAG_TEXT);
        Integer limit = request.integer("RegistrationLimit", 1, 1000);
        Instant expiration = request.timestamp("ExpirationDate");
        Map<String, String> tags = request.tags("Tags");
        checkRole(call.accountId(), iamRole);
        Instant now = clock.instant();
        if (expiration == null) {
            expiration = now.plus(DEFAULT_EXPIRY);
        } else if (!expiration.isAfter(now)) {
            throw SsmErrors.validation("ExpirationDate must be in the future");
        } else if (expiration.isAfter(now.plus(MAX_EXPIRY))) {
            throw SsmErrors.validation("ExpirationDate can't be more than 30 days from now");
        }
        Activation activation = new Activation(
                Ids.uuid(),
                Ids.activationCode(),
                description,
                defaultInstanceName,
                iamRole,
                limit == null ? 1 : limit,
                0,
                expiration,
                now,
                tags);
        state.region(call.accountId(), call.region()).putActivation(activation);
        return SsmJson.object()
                .put("ActivationId", activation.activationId())
                .put("ActivationCode", activation.activationCode());
    }

    /** The role may carry a path ({@code service-role/Name}); it must exist and trust the SSM service. */
    private void checkRole(String accountId, String iamRole) {
        int slash = iamRole.lastIndexOf('/');
        String name = iamRole.substring(slash + 1);
        String path = slash < 0 ? "/" : "/" + iamRole.substring(0, slash + 1);
        boolean usable = iam.find(accountId, name)
                .filter(role -> role.path().equals(path))
                .map(Role::trustPolicy)
                .filter(trust -> trust.contains("ssm.amazonaws.com"))
                .isPresent();
        if (!usable) {
            throw SsmErrors.validation(
                    "Nonexistent role or missing ssm service principal in trust policy: arn:aws:iam::" + accountId
                            + ":role/" + iamRole);
        }
    }

    private JsonNode describe(AwsCall call) {
        SsmRequest request = SsmRequest.of(call);
        int maxResults = request.maxResults(1, 50, 50);
        Predicate<Activation> filter = activation -> true;
        for (SsmRequest item : request.objects("Filters", 1000)) {
            String key = item.string("FilterKey");
            List<String> values = item.strings("FilterValues", 1000, 0, 1024);
            if (key == null || !FILTER_KEYS.contains(key)) {
                throw SsmErrors.of("InvalidFilter", "The filter key " + key + " isn't valid.");
            }
            filter = filter.and(activation -> values.contains(
                    switch (key) {
                        case "ActivationIds" -> activation.activationId();
                        case "DefaultInstanceName" -> activation.defaultInstanceName();
                        default -> activation.iamRole();
                    }));
        }
        List<Activation> matching = state.region(call.accountId(), call.region()).activations().stream()
                .filter(filter)
                .toList();
        Page<Activation> page = Page.of(matching, maxResults, request.nextToken());
        Instant now = clock.instant();
        ObjectNode answer = SsmJson.object();
        ArrayNode list = answer.putArray("ActivationList");
        page.items().forEach(activation -> list.add(json(activation, now)));
        return SsmJson.put(answer, "NextToken", page.nextToken());
    }

    private JsonNode delete(AwsCall call) {
        String activationId = SsmRequest.of(call).required("ActivationId", 36, 36, ACTIVATION_ID);
        SsmRegionState region = state.region(call.accountId(), call.region());
        if (!region.removeActivation(activationId)) {
            if (region.activationDeleted(activationId)) {
                throw SsmErrors.of(
                        "InvalidActivation",
                        "Activation " + activationId + " isn't valid; it might have been deleted.");
            }
            throw SsmErrors.of("InvalidActivationId", "Activation ID " + activationId + " doesn't exist.");
        }
        return SsmJson.object();
    }

    private static ObjectNode json(Activation activation, Instant now) {
        ObjectNode json = SsmJson.object();
        SsmJson.put(json, "ActivationId", activation.activationId());
        SsmJson.put(json, "Description", activation.description());
        SsmJson.put(json, "DefaultInstanceName", activation.defaultInstanceName());
        SsmJson.put(json, "IamRole", activation.iamRole());
        SsmJson.put(json, "RegistrationLimit", activation.registrationLimit());
        SsmJson.put(json, "RegistrationsCount", activation.registrationsCount());
        SsmJson.put(json, "ExpirationDate", activation.expirationDate());
        SsmJson.put(json, "Expired", activation.expired(now));
        SsmJson.put(json, "CreatedDate", activation.createdDate());
        return json.set("Tags", SsmJson.tags(activation.tags()));
    }
}
