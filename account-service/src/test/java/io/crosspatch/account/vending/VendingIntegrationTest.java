package io.crosspatch.account.vending;

import static org.awaitility.Awaitility.await;

import io.crosspatch.events.IdentityVerified;
import io.crosspatch.kernel.CloudAccountKey;
import io.crosspatch.schemas.topics.Providers;
import io.crosspatch.schemas.topics.Topics;
import io.crosspatch.servicekit.testing.CrosspatchIntegrationTest;
import io.crosspatch.servicekit.testing.TestJwtIssuer;
import io.crosspatch.testbed.Testbed;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * What every account-vending integration test shares: the service's full context (a subclass names its own
 * keyspace and consumer group in {@link CrosspatchIntegrationTest}, so no test sees another's state) pointed at
 * the JVM's cloud simulator, real Kafka and real Cassandra; the group starts at the end of
 * {@code identity.verified} so earlier tests' records are not replayed into this test's simulator counts; a tap
 * on the outcome topics.
 */
@DirtiesContext
abstract class VendingIntegrationTest {

    /** The audience the operator API is configured with in the tests. */
    protected static final String OPERATOR_AUDIENCE = "crosspatch-account";

    protected static OutcomeTap tap;

    @Autowired
    protected KafkaTemplate<String, Object> kafka;

    @Autowired
    private KafkaListenerEndpointRegistry listeners;

    @DynamicPropertySource
    static void pointAtSimulator(DynamicPropertyRegistry registry) {
        TestSimulator.springProperties().forEach((name, value) -> registry.add(name, () -> value));
        registry.add("crosspatch.cassandra.schema-location", () -> "classpath*:cassandra/crosspatch_account/*.cql");
        TestJwtIssuer.trust(registry, "crosspatch.operator.auth", OPERATOR_AUDIENCE);
    }

    @BeforeAll
    static void startAtTheEndOfTheTopic(TestInfo test) throws Exception {
        TestSimulator.reset();
        String group = property(test.getTestClass().orElseThrow(), "spring.kafka.consumer.group-id");
        skipExistingRecords(group);
        tap = new OutcomeTap();
    }

    @AfterAll
    static void closeTap() throws InterruptedException {
        tap.close();
    }

    @BeforeEach
    void freshSimulatorAndPartitionsAssigned() {
        TestSimulator.reset();
        await().atMost(Duration.ofSeconds(60))
                .until(() -> listeners.getListenerContainers().stream()
                        .map(MessageListenerContainer::getAssignedPartitions)
                        .allMatch(assigned ->
                                assigned != null && assigned.size() == Topics.IDENTITY_VERIFIED.partitions()));
    }

    protected void send(IdentityVerified event) {
        CloudAccountKey key = Providers.accountKey(
                event.getIdentity().getProvider(), event.getIdentity().getCloudAccountId());
        try {
            kafka.send(Topics.IDENTITY_VERIFIED.name(), key.toString(), event).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not send " + event.getEnrollmentId(), e);
        }
    }

    static String property(Class<?> testClass, String name) {
        CrosspatchIntegrationTest annotation = testClass.getAnnotation(CrosspatchIntegrationTest.class);
        return Arrays.stream(annotation.properties())
                .filter(p -> p.startsWith(name + "="))
                .map(p -> p.substring(name.length() + 1))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(testClass.getSimpleName() + " must set " + name));
    }

    /** Commits the current end of identity.verified for the group, when the topic exists already. */
    static void skipExistingRecords(String group) throws Exception {
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                Testbed.shared().kafka().bootstrapServers()))) {
            String topic = Topics.IDENTITY_VERIFIED.name();
            if (!admin.listTopics().names().get().contains(topic)) {
                return;
            }
            Map<TopicPartition, OffsetSpec> latest = java.util.stream.IntStream.range(
                            0, Topics.IDENTITY_VERIFIED.partitions())
                    .boxed()
                    .collect(Collectors.toMap(p -> new TopicPartition(topic, p), p -> OffsetSpec.latest()));
            Map<TopicPartition, OffsetAndMetadata> ends = admin.listOffsets(latest).all().get().entrySet().stream()
                    .collect(Collectors.toMap(
                            Map.Entry::getKey,
                            e -> new OffsetAndMetadata(e.getValue().offset())));
            admin.alterConsumerGroupOffsets(group, ends).all().get();
        }
    }
}
