package io.crosspatch.simulator.aws;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the simulator can answer: operations by service and name, and how each service is addressed on the
 * wire (its {@code X-Amz-Target} prefix for JSON services, its XML namespace for Query services).
 */
public final class AwsOperations {

    private final Map<String, JsonOperation> jsonOperations = new ConcurrentHashMap<>();
    private final Map<String, QueryOperation> queryOperations = new ConcurrentHashMap<>();
    private final Map<String, String> servicesByTargetPrefix = new ConcurrentHashMap<>();
    private final Map<String, String> xmlNamespaces = new ConcurrentHashMap<>();

    /** Declares a JSON 1.1 service, e.g. {@code ("ssm", "AmazonSSM")}. */
    public void jsonService(String service, String targetPrefix) {
        servicesByTargetPrefix.put(targetPrefix, service);
    }

    /** Declares a Query service, e.g. {@code ("iam", "https://iam.amazonaws.com/doc/2010-05-08/")}. */
    public void queryService(String service, String xmlNamespace) {
        xmlNamespaces.put(service, xmlNamespace);
    }

    public void json(String service, String operation, JsonOperation handler) {
        jsonOperations.put(service + ":" + operation, handler);
    }

    public void query(String service, String operation, QueryOperation handler) {
        queryOperations.put(service + ":" + operation, handler);
    }

    Optional<String> serviceForTargetPrefix(String prefix) {
        return Optional.ofNullable(servicesByTargetPrefix.get(prefix));
    }

    Optional<JsonOperation> json(String service, String operation) {
        return Optional.ofNullable(jsonOperations.get(service + ":" + operation));
    }

    Optional<QueryOperation> query(String service, String operation) {
        return Optional.ofNullable(queryOperations.get(service + ":" + operation));
    }

    String xmlNamespace(String service) {
        return xmlNamespaces.getOrDefault(service, "https://" + service + ".amazonaws.com/doc/");
    }
}
