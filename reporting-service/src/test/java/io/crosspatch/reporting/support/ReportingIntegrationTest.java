package io.crosspatch.reporting.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.crosspatch.events.OperationOutcome;
import io.crosspatch.events.PatchResult;
import io.crosspatch.events.Provider;
import io.crosspatch.schemas.topics.Providers;
import io.crosspatch.schemas.topics.Topics;
import io.crosspatch.servicekit.testing.CrosspatchIntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the reporting-service integration tests: the whole service against the testbed's real Kafka,
 * registry and Cassandra, with the API trusting {@link TestTokens}. Events are published through Kafka with
 * the service's own producer settings; each test uses its own tenant, so tests share the node safely.
 */
@CrosspatchIntegrationTest
public abstract class ReportingIntegrationTest {

    protected static final Duration PATIENCE = Duration.ofSeconds(60);

    @Autowired
    private KafkaTemplate<String, Object> kafka;

    @LocalServerPort
    private int port;

    protected Api api;

    @DynamicPropertySource
    static void trustTestTokens(DynamicPropertyRegistry registry) {
        registry.add("crosspatch.reporting.auth.public-key-location", TestTokens::publicKeyLocation);
        registry.add("crosspatch.reporting.auth.issuer", () -> TestTokens.ISSUER);
        registry.add("crosspatch.reporting.auth.audiences", () -> TestTokens.AUDIENCE);
        registry.add("crosspatch.reporting.summary-cache-ttl", () -> "0s");
    }

    @BeforeEach
    void connectApi() {
        api = new Api(port);
    }

    protected int port() {
        return port;
    }

    protected static String uniqueTenant(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Publishes events on their topic, keyed by cloud account (or enrollment id), and waits for the acks. */
    protected void publish(String topic, String key, List<? extends SpecificRecord> events) {
        for (SpecificRecord event : events) {
            kafka.send(topic, key, event);
        }
        kafka.flush();
    }

    protected void publishPatchResults(List<PatchResult> events) {
        for (PatchResult event : events) {
            kafka.send(
                    Topics.PATCH_RESULTS.name(),
                    Providers.accountKey(event.getProvider(), event.getCloudAccountId())
                            .toString(),
                    event);
        }
        kafka.flush();
    }

    /**
     * Publishes a patch result of a throw-away tenant on the same cloud account key (so the same partition,
     * after everything published before) and waits until it is visible: then all earlier events on that
     * partition are stored.
     */
    protected void awaitPartitionDrained(Provider provider, String accountId) {
        String sentinelTenant = uniqueTenant("sentinel");
        publishPatchResults(List.of(PatchResults.state(
                sentinelTenant,
                provider,
                accountId,
                "sentinel",
                Instant.now(),
                List.of(),
                true,
                true,
                OperationOutcome.SUCCEEDED)));
        Awaitility.await()
                .atMost(PATIENCE)
                .untilAsserted(
                        () -> assertThat(api.get("/v1/tenants/" + sentinelTenant + "/summary", TestTokens.forOperator())
                                        .json()
                                        .at("/totals/instances")
                                        .asInt())
                                .isEqualTo(1));
    }
}
