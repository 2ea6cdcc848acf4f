package io.crosspatch.launcher.compose;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Typed access to the output of {@code docker-compose config}: services, their environment and settings. */
final class ResolvedCompose {

    private final Map<String, Object> document;

    ResolvedCompose(Map<String, Object> document) {
        this.document = document;
    }

    Set<String> serviceNames() {
        return services().keySet();
    }

    Map<String, Object> service(String name) {
        Map<String, Object> service = map(services().get(name));
        if (service == null) {
            throw new AssertionError("the compose file has no service " + name + "; it has " + serviceNames());
        }
        return service;
    }

    /** The service's environment after interpolation and env files, values as strings ("" for empty). */
    Map<String, String> environment(String name) {
        Map<String, String> environment = new TreeMap<>();
        Map<String, Object> raw = map(service(name).get("environment"));
        if (raw != null) {
            raw.forEach((key, value) -> environment.put(key, value == null ? "" : value.toString()));
        }
        return environment;
    }

    /** The health check's command as one string, or null without a health check. */
    String healthCheck(String name) {
        Map<String, Object> healthcheck = map(service(name).get("healthcheck"));
        if (healthcheck == null) {
            return null;
        }
        Object test = healthcheck.get("test");
        return test instanceof List<?> parts
                ? String.join(" ", parts.stream().map(Object::toString).toList())
                : String.valueOf(test);
    }

    /** depends_on as service → condition. */
    Map<String, String> dependsOn(String name) {
        Map<String, String> conditions = new TreeMap<>();
        Map<String, Object> dependsOn = map(service(name).get("depends_on"));
        if (dependsOn != null) {
            dependsOn.forEach((dependency, settings) -> conditions.put(
                    dependency,
                    String.valueOf(map(settings) == null ? null : map(settings).get("condition"))));
        }
        return conditions;
    }

    List<Object> list(String name, String key) {
        Object value = service(name).get(key);
        return value instanceof List<?> list ? List.copyOf(list) : List.of();
    }

    String string(String name, String key) {
        Object value = service(name).get(key);
        return value == null ? null : value.toString();
    }

    private Map<String, Object> services() {
        return map(document.get("services"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> ? (Map<String, Object>) value : null;
    }
}
