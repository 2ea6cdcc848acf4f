package io.crosspatch.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;

import io.crosspatch.schemas.fixtures.EventFixtures;
import io.crosspatch.schemas.topics.TopicDefinition;
import io.crosspatch.schemas.topics.Topics;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every event type goes through the real registry and comes back equal, in Confluent's wire format. */
class AvroSerdeRoundTripTest {

    static Stream<TopicDefinition<?>> topics() {
        return Topics.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("topics")
    void shouldReadBackEveryEventTypeThroughTheRealRegistry(TopicDefinition<?> topic) {
        // given
        SpecificRecord event = EventFixtures.anyEventFor(topic);

        // when
        byte[] bytes = Registry.<SpecificRecord>serializer().serialize(topic.name(), event);
        Object read = Registry.deserializer().deserialize(topic.name(), bytes);

        // then
        // (field by field: Avro's generated equals() cannot compare logical types inside arrays of records)
        assertThat(read)
                .isInstanceOf(topic.valueType())
                .usingRecursiveComparison()
                .isEqualTo(event);
    }

    @Test
    void shouldWriteMagicByteAndBigEndianSchemaIdThatTheRegistryResolves() throws Exception {
        // given
        SpecificRecord event = EventFixtures.anyPatchResult();

        // when
        byte[] bytes = Registry.<SpecificRecord>serializer().serialize(Topics.PATCH_RESULTS.name(), event);

        // then
        assertThat(bytes[0]).isZero();
        int schemaId = ByteBuffer.wrap(bytes, 1, 4).getInt();
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(Registry.url() + "/schemas/ids/" + schemaId))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        String schemaJson = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(response.body())
                .get("schema")
                .asText();
        assertThat(new Schema.Parser().parse(schemaJson)).isEqualTo(event.getSchema());
    }

    @Test
    void shouldRegisterUnderTopicValueSubject() throws Exception {
        // given
        SpecificRecord event = EventFixtures.anyEnrollmentFailed();

        // when
        Registry.<SpecificRecord>serializer().serialize(Topics.ENROLLMENT_FAILED.name(), event);

        // then
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(Registry.url() + "/subjects"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.body()).contains("\"enrollment.failed-value\"");
    }
}
