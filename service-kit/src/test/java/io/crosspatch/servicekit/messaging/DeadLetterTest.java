package io.crosspatch.servicekit.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.crosspatch.events.AgentState;
import io.crosspatch.events.OperatingSystem;
import io.crosspatch.events.PatchCounts;
import io.crosspatch.events.PatchResult;
import io.crosspatch.events.PingStatus;
import io.crosspatch.events.Provider;
import io.crosspatch.schemas.serde.TruncatedPayloadException;
import io.crosspatch.schemas.serde.UnknownMagicByteException;
import io.crosspatch.schemas.serde.UnknownSchemaIdException;
import io.crosspatch.schemas.topics.Topics;
import io.crosspatch.servicekit.KitTestApplication.RecordingPatchResultListener;
import io.crosspatch.servicekit.testing.CrosspatchIntegrationTest;
import io.crosspatch.servicekit.testing.RawKafka;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Poison records on a real broker: each ends in the topic's dead-letter topic with its original bytes and the
 * error in headers, and the consumer goes on to the next record. A valid record that fails because the
 * infrastructure is out is retried until it succeeds, never dead-lettered.
 */
@CrosspatchIntegrationTest(
        properties = {
            "crosspatch.cassandra.keyspace=service_kit_test",
            "crosspatch.messaging.retry-initial-interval=20ms",
            "crosspatch.messaging.retry-max-interval=100ms"
        })
class DeadLetterTest {

    @Autowired
    private KafkaTemplate<String, Object> kafka;

    @Autowired
    private RecordingPatchResultListener listener;

    @Test
    void shouldDeadLetterPoisonRecordsWithOriginalBytesAndMoveOn() throws Exception {
        // given three records no reader can ever decode, then a good one
        byte[] wrongMagic = {7, 0, 0, 0, 1, 42, 42};
        byte[] unknownSchemaId = ByteBuffer.allocate(9)
                .put((byte) 0)
                .putInt(876_543)
                .put(new byte[] {2, 4, 6, 8})
                .array();
        PatchResult good = patchResult("after-poison-" + UUID.randomUUID());
        byte[] whole = new io.crosspatch.schemas.serde.AvroSerializer<PatchResult>(registryClient())
                .serialize(Topics.PATCH_RESULTS.name(), good);
        byte[] truncated = Arrays.copyOf(whole, whole.length - 20);

        // when
        RawKafka.send(Topics.PATCH_RESULTS.name(), "gcp:poison", wrongMagic);
        RawKafka.send(Topics.PATCH_RESULTS.name(), "gcp:poison", unknownSchemaId);
        RawKafka.send(Topics.PATCH_RESULTS.name(), "gcp:poison", truncated);
        kafka.send(Topics.PATCH_RESULTS.name(), "gcp:poison", good).get();

        // then the consumer moved on to the good record
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(listener.received())
                        .extracting(PatchResult::getHostname)
                        .contains(good.getHostname()));
        // and each poison record sits in the dead-letter topic, byte for byte, with its error
        List<ConsumerRecord<String, byte[]>> deadLetters = RawKafka.read(Topics.PATCH_RESULTS.deadLetterTopic(), 3);
        assertThat(deadLetters)
                .extracting(ConsumerRecord::value)
                .containsExactly(wrongMagic, unknownSchemaId, truncated);
        assertThat(deadLetters)
                .extracting(record -> header(record, DeadLetterHeaders.ERROR_CLASS))
                .containsExactly(
                        UnknownMagicByteException.class.getName(),
                        UnknownSchemaIdException.class.getName(),
                        TruncatedPayloadException.class.getName());
        assertThat(deadLetters).allSatisfy(record -> {
            assertThat(header(record, "kafka_dlt-original-topic")).isEqualTo(Topics.PATCH_RESULTS.name());
            assertThat(header(record, DeadLetterHeaders.ERROR_MESSAGE)).isNotBlank();
            assertThat(header(record, DeadLetterHeaders.RETRYABLE)).isEqualTo("false");
        });
    }

    @Test
    void shouldRetryARecordThatFailedBecauseCassandraWasOutUntilItIsTakenInsteadOfDeadLetteringIt() throws Exception {
        // given a result whose handling fails as if Cassandra were out, more often than the bounded retries allow
        PatchResult result = patchResult(RecordingPatchResultListener.OUTAGE_PREFIX + UUID.randomUUID());

        // when
        kafka.send(Topics.PATCH_RESULTS.name(), "gcp:outage", result).get();

        // then it is retried through the outage and taken: a dead-lettered record never reaches the listener again
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(listener.received())
                        .extracting(PatchResult::getHostname)
                        .contains(result.getHostname()));
        assertThat(listener.outageFailures(result.getHostname()))
                .isEqualTo(RecordingPatchResultListener.OUTAGE_FAILURES);
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static io.crosspatch.schemas.serde.SchemaRegistryClient registryClient() {
        return new io.crosspatch.schemas.serde.SchemaRegistryClient(
                io.crosspatch.schemas.serde.SchemaRegistryConfig.from(Map.of(
                        "schema.registry.url",
                        io.crosspatch.testbed.Testbed.shared().schemaRegistry().url(),
                        "auto.register.schemas",
                        "true")));
    }

    private static PatchResult patchResult(String hostname) {
        return PatchResult.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(Instant.now())
                .setTenantId("acme")
                .setProvider(Provider.GCP)
                .setCloudAccountId("poison")
                .setInstanceId("1")
                .setManagedInstanceId("mi-0123456789abcdef0")
                .setSystemAccountId("123456789012")
                .setHostname(hostname)
                .setOperatingSystem(OperatingSystem.UBUNTU)
                .setPatchGroup("early")
                .setAgent(new AgentState("3.3.1", true, PingStatus.ONLINE, Instant.now()))
                .setCounts(PatchCounts.newBuilder().build())
                .setPatches(List.of())
                .build();
    }
}
