package io.crosspatch.account.vending;

import com.fasterxml.jackson.databind.JsonNode;
import io.crosspatch.simulator.CloudSimulator;
import io.crosspatch.simulator.SimulatorConfig;
import io.crosspatch.simulator.client.SimulatorControl;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

/**
 * The cloud simulator of the test JVM (the account-service tests share one), its settings restored before each
 * test, and its test-only organizations endpoints.
 */
final class TestSimulator {

    private static CloudSimulator simulator;
    private static SimulatorControl control;

    private TestSimulator() {}

    public static synchronized CloudSimulator get() {
        if (simulator == null) {
            simulator = CloudSimulator.start(SimulatorConfig.defaults());
        }
        return simulator;
    }

    /** Properties that point account-service at the simulator with the management keys. */
    public static Map<String, String> springProperties() {
        CloudSimulator sim = get();
        Map<String, String> properties = new HashMap<>();
        properties.put("crosspatch.aws.endpoint", sim.endpoint().toString());
        properties.put("crosspatch.aws.region", "eu-west-1");
        properties.put(
                "crosspatch.aws.access-key-id", sim.managementCredentials().accessKeyId());
        properties.put(
                "crosspatch.aws.secret-access-key", sim.managementCredentials().secretAccessKey());
        return properties;
    }

    /**
     * Back to the defaults: creations take 2 s, roles are assumable at once, no faults or failures pending; every
     * creation an earlier test left in progress completes; call counts start from zero.
     */
    public static void reset() {
        CloudSimulator sim = get();
        sim.context().config().accountCreationDuration(Duration.ofSeconds(2)).roleAssumableDelay(Duration.ZERO);
        sim.traffic().clearFaults();
        control().clearAccountCreationFailures();
        sim.clock().advance(Duration.ofHours(2));
        sim.traffic().resetBuckets();
        sim.calls().reset();
    }

    /** The next creation for {@code email} ends FAILED with {@code reason}. */
    public static void failNextCreation(String email, String reason) {
        control()
                .failAccountCreations(SimulatorControl.object()
                        .put("reason", reason)
                        .put("count", 1)
                        .put("email", email));
    }

    /** The organization's accounts tagged with this cloud account id. */
    public static List<JsonNode> accountsTagged(String cloudAccountId) {
        JsonNode accounts = control().organizationAccounts();
        return StreamSupport.stream(accounts.spliterator(), false)
                .filter(account -> cloudAccountId.equals(
                        account.path("tags").path("crosspatch:cloud-account-id").asText()))
                .toList();
    }

    public static long calls(String service, String operation) {
        return get().calls().count(service, operation);
    }

    private static synchronized SimulatorControl control() {
        if (control == null) {
            control = new SimulatorControl(get().endpoint());
        }
        return control;
    }
}
