package io.crosspatch.schemas.serde;

import io.crosspatch.schemas.topics.TopicDefinition;
import io.crosspatch.schemas.topics.Topics;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.jspecify.annotations.Nullable;

/**
 * Kafka deserializer for the Confluent wire format. The writer schema comes from the registry by the id in
 * the header; the reader schema is the generated class of the topic in the {@link Topics} catalogue (or the
 * class named by {@value #VALUE_TYPE}), so a service built against an older schema reads newer records by
 * Avro's resolution rules. Topics outside the catalogue are read as generic records.
 *
 * <p>Every failure is a typed {@link AvroSerdeException}: poison bytes are not retryable, an unreachable
 * registry is.
 */
public class AvroDeserializer implements org.apache.kafka.common.serialization.Deserializer<Object> {

    /** Optional: the generated class to read values as, overriding the catalogue. */
    public static final String VALUE_TYPE = "crosspatch.avro.value.type";

    // Set by configure(), which Kafka calls on every deserializer before the first deserialize().
    @SuppressWarnings("NullAway.Init")
    private SchemaRegistryClient registry;

    private @Nullable Class<?> configuredType;

    /** For Kafka's reflective construction; {@link #configure} must follow. */
    public AvroDeserializer() {}

    /** For code that shares one registry client between serdes. */
    public AvroDeserializer(SchemaRegistryClient registry) {
        this.registry = registry;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        if (registry == null) {
            registry = new SchemaRegistryClient(SchemaRegistryConfig.from(configs));
        }
        Object type = configs.get(VALUE_TYPE);
        if (type instanceof Class<?> clazz) {
            configuredType = clazz;
        } else if (type != null) {
            try {
                configuredType = Class.forName(type.toString());
            } catch (ClassNotFoundException e) {
                throw new IllegalArgumentException(VALUE_TYPE + " names no class: " + type, e);
            }
        }
    }

    @Override
    public @Nullable Object deserialize(String topic, byte @Nullable [] data) {
        if (data == null) {
            return null;
        }
        ByteBuffer payload = ByteBuffer.wrap(data);
        int schemaId = WireFormat.readSchemaId(payload);
        Schema writer = registry.schemaById(schemaId);
        BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(data, payload.position(), payload.remaining(), null);
        try {
            return readerFor(topic, writer).read(null, decoder);
        } catch (EOFException e) {
            throw new TruncatedPayloadException("Avro body of schema " + schemaId + " ends early", e);
        } catch (IOException | AvroRuntimeException | IndexOutOfBoundsException | NegativeArraySizeException e) {
            throw new MalformedPayloadException("Avro body does not decode with schema " + schemaId + ": " + e, e);
        }
    }

    private DatumReader<Object> readerFor(String topic, Schema writer) {
        Class<?> type = configuredType != null
                ? configuredType
                : Topics.byName(topic).<Class<?>>map(TopicDefinition::valueType).orElse(null);
        if (type == null) {
            return new GenericDatumReader<>(writer, writer, GenericData.get());
        }
        SpecificData model = SpecificData.getForClass(type);
        return new SpecificDatumReader<>(writer, model.getSchema(type), model);
    }
}
