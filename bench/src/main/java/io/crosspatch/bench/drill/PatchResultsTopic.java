package io.crosspatch.bench.drill;

import io.crosspatch.events.PatchResult;
import io.crosspatch.schemas.serde.AvroDeserializer;
import io.crosspatch.schemas.serde.AvroSerdeException;
import io.crosspatch.schemas.serde.SchemaRegistryConfig;
import io.crosspatch.schemas.topics.Topics;
import io.crosspatch.testbed.Testbed;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The managed instance id of every record on {@code patch.results}, decoded with the contract's own serde. Records
 * that do not decode (the poison drill puts some there on purpose) are counted, not read.
 */
final class PatchResultsTopic {

    private PatchResultsTopic() {}

    /** The ids, and how many records did not decode. */
    record Read(List<String> managedInstanceIds, int undecodable) {}

    static Read read(Testbed infrastructure) {
        try (AvroDeserializer deserializer = new AvroDeserializer()) {
            deserializer.configure(
                    Map.of(
                            SchemaRegistryConfig.URL,
                            infrastructure.schemaRegistry().url()),
                    false);
            List<String> ids = new ArrayList<>();
            int undecodable = 0;
            String topic = Topics.PATCH_RESULTS.name();
            for (ConsumerRecord<byte[], byte[]> record :
                    TopicReader.readAll(infrastructure.kafka().bootstrapServers(), topic, Duration.ofMinutes(2))) {
                try {
                    PatchResult result = (PatchResult) deserializer.deserialize(topic, record.value());
                    if (result == null) {
                        undecodable++; // a record without a value: no result in it
                    } else {
                        ids.add(result.getManagedInstanceId().toString());
                    }
                } catch (AvroSerdeException poison) {
                    undecodable++;
                }
            }
            return new Read(ids, undecodable);
        }
    }
}
