package io.crosspatch.schemas.topics;

import java.util.Objects;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;

/**
 * One Kafka topic of the contract: its name, what its keys and values are, and how many partitions it has.
 * Every producer, listener and topic declaration reads these instead of repeating strings, so a topic is
 * renamed or re-partitioned in one place.
 *
 * @param name          the topic name
 * @param keyMeaning    what the UTF-8 string key is (the partitioning business key)
 * @param valueType     the generated Avro class of the values
 * @param partitions    partition count; also the most instances of a consuming service that can work at once
 * @param <V>           the value type
 */
public record TopicDefinition<V extends SpecificRecord>(
        String name, KeyMeaning keyMeaning, Class<V> valueType, int partitions) {

    /** Suffix of the dead-letter topic that receives this topic's records a consumer could not process. */
    public static final String DEAD_LETTER_SUFFIX = ".DLT";

    public TopicDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(keyMeaning, "keyMeaning");
        Objects.requireNonNull(valueType, "valueType");
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be at least 1");
        }
    }

    /** The registry subject of this topic's values (Confluent's TopicNameStrategy). */
    public String valueSubject() {
        return name + "-value";
    }

    /** Where records that failed processing go, with as many partitions as this topic. */
    public String deadLetterTopic() {
        return name + DEAD_LETTER_SUFFIX;
    }

    /** The current (writer) schema of the values. */
    public Schema valueSchema() {
        return SpecificData.get().getSchema(valueType);
    }

    /** The kind of key a topic is partitioned by. */
    public enum KeyMeaning {
        /** The enrollment id: used where an event concerns one VM before its cloud account is known. */
        ENROLLMENT_ID,
        /** {@code <provider>:<cloudAccountId>}: keeps every event of one customer account in order on one partition. */
        CLOUD_ACCOUNT_KEY
    }
}
