package io.crosspatch.simulator.ssm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crosspatch.simulator.aws.AwsCall;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Idempotency of the Create/Register operations that take a {@code ClientToken}: a retry with the same token and the
 * same parameters gets the id created the first time; the same token with other parameters is an
 * IdempotentParameterMismatch. Tokens are scoped to account, region and operation.
 */
final class ClientTokens {

    private record Use(JsonNode request, String resultId) {}

    private final Map<String, Use> uses = new ConcurrentHashMap<>();

    /** The id an earlier call with this token created, if any; null tokens never match. */
    Optional<String> earlierResult(AwsCall call, @Nullable String token) {
        if (token == null) {
            return Optional.empty();
        }
        Use use = uses.get(key(call, token));
        if (use == null) {
            return Optional.empty();
        }
        if (!use.request().equals(withoutToken(call.json()))) {
            throw SsmErrors.idempotentParameterMismatch();
        }
        return Optional.of(use.resultId());
    }

    void remember(AwsCall call, @Nullable String token, String resultId) {
        if (token != null) {
            uses.put(key(call, token), new Use(withoutToken(call.json()), resultId));
        }
    }

    private static String key(AwsCall call, String token) {
        return call.accountId() + "/" + call.region() + "/" + call.operation() + "/" + token;
    }

    private static JsonNode withoutToken(JsonNode request) {
        ObjectNode copy = request.deepCopy();
        copy.remove("ClientToken");
        return copy;
    }
}
