package io.crosspatch.simulator.identity;

import com.sun.net.httpserver.HttpExchange;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Request helpers the metadata services share: query parameters and the headers the clouds check. */
public final class IdentityHttp {

    private IdentityHttp() {}

    /** The query parameters (first value wins), URL-decoded. */
    public static Map<String, String> query(HttpExchange exchange) {
        Map<String, String> parameters = new LinkedHashMap<>();
        String raw = exchange.getRequestURI().getRawQuery();
        if (raw == null || raw.isEmpty()) {
            return parameters;
        }
        try {
            for (String pair : raw.split("&")) {
                int equals = pair.indexOf('=');
                String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
                String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
                parameters.putIfAbsent(name, value);
            }
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("INVALID_QUERY", "the query string is not URL-encoded properly");
        }
        return parameters;
    }

    public static @Nullable String header(HttpExchange exchange, String name) {
        return exchange.getRequestHeaders().getFirst(name);
    }

    /** The metadata services refuse proxied requests: a request carrying X-Forwarded-For did not start on the VM. */
    public static boolean forwarded(HttpExchange exchange) {
        return exchange.getRequestHeaders().containsKey("X-Forwarded-For");
    }
}
