package io.crosspatch.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crosspatch.schemas.fixtures.EventFixtures;
import io.crosspatch.schemas.topics.Topics;
import java.net.ServerSocket;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

/** Bytes that can never be read fail with a typed, non-retryable error; an unreachable registry is retryable. */
class PoisonPayloadTest {

    private final AvroDeserializer deserializer = Registry.deserializer();

    @Test
    void shouldRejectWrongMagicByte() {
        byte[] bytes = {1, 0, 0, 0, 1, 2, 3};

        assertThatThrownBy(() -> deserializer.deserialize(Topics.PATCH_RESULTS.name(), bytes))
                .isInstanceOf(UnknownMagicByteException.class)
                .satisfies(
                        e -> assertThat(((AvroSerdeException) e).isRetryable()).isFalse());
    }

    @Test
    void shouldRejectPayloadShorterThanHeader() {
        byte[] bytes = {0, 0, 1};

        assertThatThrownBy(() -> deserializer.deserialize(Topics.PATCH_RESULTS.name(), bytes))
                .isInstanceOf(TruncatedPayloadException.class);
    }

    @Test
    void shouldRejectTruncatedAvroBody() {
        byte[] whole = Registry.<SpecificRecord>serializer()
                .serialize(Topics.PATCH_RESULTS.name(), EventFixtures.anyPatchResult());
        byte[] cut = Arrays.copyOf(whole, whole.length / 2);

        assertThatThrownBy(() -> deserializer.deserialize(Topics.PATCH_RESULTS.name(), cut))
                .isInstanceOf(TruncatedPayloadException.class)
                .satisfies(
                        e -> assertThat(((AvroSerdeException) e).isRetryable()).isFalse());
    }

    @Test
    void shouldRejectUnknownSchemaId() {
        byte[] bytes = ByteBuffer.allocate(8)
                .put((byte) 0)
                .putInt(987_654)
                .put(new byte[] {2, 4, 6})
                .array();

        assertThatThrownBy(() -> deserializer.deserialize(Topics.PATCH_RESULTS.name(), bytes))
                .isInstanceOf(UnknownSchemaIdException.class)
                .hasMessageContaining("987654");
    }

    @Test
    void shouldReportUnreachableRegistryAsRetryable() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        AvroDeserializer offline = new AvroDeserializer();
        offline.configure(Map.of(SchemaRegistryConfig.URL, "http://127.0.0.1:" + closedPort), false);
        byte[] bytes =
                ByteBuffer.allocate(6).put((byte) 0).putInt(1).put((byte) 2).array();

        assertThatThrownBy(() -> offline.deserialize(Topics.PATCH_RESULTS.name(), bytes))
                .isInstanceOf(SchemaRegistryUnavailableException.class)
                .satisfies(
                        e -> assertThat(((AvroSerdeException) e).isRetryable()).isTrue());
    }

    @Test
    void shouldRefuseIncompatibleSchemaAsNotRetryable() {
        // given a subject with one version
        String subject = "compat-probe-" + System.nanoTime() + "-value";
        SchemaRegistryClient client = new SchemaRegistryClient(SchemaRegistryConfig.from(Registry.serdeConfig()));
        Schema v1 = SchemaBuilder.record("Probe")
                .namespace("io.crosspatch.test")
                .fields()
                .requiredString("name")
                .endRecord();
        client.register(subject, v1);

        // when a new version adds a field without a default (old records cannot be read with it)
        Schema v2 = SchemaBuilder.record("Probe")
                .namespace("io.crosspatch.test")
                .fields()
                .requiredString("name")
                .requiredInt("size")
                .endRecord();

        // then
        assertThatThrownBy(() -> client.register(subject, v2))
                .isInstanceOf(IncompatibleSchemaException.class)
                .satisfies(
                        e -> assertThat(((AvroSerdeException) e).isRetryable()).isFalse());
    }

    @Test
    void shouldRefuseUnregisteredSchemaWhenAutoRegistrationIsOff() {
        AvroSerializer<SpecificRecord> production = new AvroSerializer<>();
        production.configure(Map.of(SchemaRegistryConfig.URL, Registry.url()), false);

        assertThatThrownBy(() -> production.serialize(
                        "never-registered-" + System.nanoTime(), EventFixtures.anyEnrollmentFailed()))
                .isInstanceOf(SchemaNotRegisteredException.class);
    }
}
