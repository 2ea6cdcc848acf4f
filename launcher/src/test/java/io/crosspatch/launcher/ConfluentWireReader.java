package io.crosspatch.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DecoderFactory;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * A downstream team's reader, written from Confluent's published wire format and registry REST API alone, with
 * plain Avro and no Crosspatch code: magic byte 0, a 4-byte big-endian schema id, the Avro binary; the writer's
 * schema from {@code GET /schemas/ids/{id}}; decoded as generic records. (Confluent's own client library is not
 * served to this build; this follows its documented format byte for byte.)
 */
final class ConfluentWireReader {

    private ConfluentWireReader() {}

    static List<GenericRecord> readAll(String bootstrapServers, String registryUrl, String topic) {
        JsonHttp http = new JsonHttp();
        Map<Integer, Schema> schemas = new HashMap<>();
        List<GenericRecord> records = new ArrayList<>();
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG,
                "e2e-confluent-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest");
        try (KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    records.add(decode(record.value(), schemas, http, registryUrl));
                }
                if (!consumer.assignment().isEmpty()
                        && consumer.assignment().stream()
                                .allMatch(partition -> consumer.position(partition)
                                        >= consumer.endOffsets(List.of(partition))
                                                .get(partition))) {
                    break;
                }
            }
        }
        return records;
    }

    private static GenericRecord decode(byte[] value, Map<Integer, Schema> schemas, JsonHttp http, String registryUrl) {
        ByteBuffer buffer = ByteBuffer.wrap(value);
        if (buffer.get() != 0) {
            throw new IllegalStateException("not the Confluent wire format: magic byte " + value[0]);
        }
        int id = buffer.getInt();
        Schema schema = schemas.computeIfAbsent(id, key -> {
            JsonNode answer = http.get(URI.create(registryUrl + "/schemas/ids/" + key), Map.of())
                    .ok();
            return new Schema.Parser().parse(answer.get("schema").asText());
        });
        try {
            return new GenericDatumReader<GenericRecord>(schema)
                    .read(null, DecoderFactory.get().binaryDecoder(value, 5, value.length - 5, null));
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot decode a record with schema id " + id, e);
        }
    }
}
