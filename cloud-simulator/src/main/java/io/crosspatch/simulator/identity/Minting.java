package io.crosspatch.simulator.identity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crosspatch.simulator.http.Http;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * How one signed identity is made: genuinely by a metadata endpoint (now, the provider's usual lifetime, the
 * trusted key, no changes), or as a forgery for hostile-input tests ({@code /_sim/forge/…}): shifted in time, with
 * another lifetime, signed by a foreign key, with chosen claims or document fields replaced.
 *
 * @param lifetime {@code null} means the provider's usual lifetime
 * @param overrides claims (JWTs) or signed-document fields (Azure, AWS) to set; a JSON null removes the field
 */
public record Minting(Instant issuedAt, @Nullable Duration lifetime, ObjectNode overrides, boolean foreignSigner) {

    public static Minting genuine(Instant now) {
        return new Minting(now, null, Http.JSON.createObjectNode(), false);
    }

    public Instant expiresAt(Duration usualLifetime) {
        return issuedAt.plus(lifetime == null ? usualLifetime : lifetime);
    }

    /** Replaces, adds or (JSON null) removes the overridden top-level fields, keeping the others in place. */
    public ObjectNode applyOverrides(ObjectNode document) {
        Iterator<Map.Entry<String, JsonNode>> fields = overrides.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (field.getValue().isNull()) {
                document.remove(field.getKey());
            } else {
                document.set(field.getKey(), field.getValue().deepCopy());
            }
        }
        return document;
    }
}
