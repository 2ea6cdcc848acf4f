package io.crosspatch.schemas.serde;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import org.apache.avro.generic.GenericContainer;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serializer;
import org.jspecify.annotations.Nullable;

/**
 * Kafka serializer writing Avro records in the Confluent wire format, registering (or, in production,
 * looking up) the writer schema under {@code <topic>-value} through the Confluent Schema Registry API.
 * Configured with Confluent's property names; see {@link SchemaRegistryConfig}.
 *
 * @param <T> generated specific records, or generic records (used by tests that write other versions)
 */
public class AvroSerializer<T extends GenericContainer> implements Serializer<T> {

    // Set by configure(), which Kafka calls on every serializer before the first serialize().
    @SuppressWarnings("NullAway.Init")
    private SchemaRegistryClient registry;

    private boolean isKey;

    /** For Kafka's reflective construction; {@link #configure} must follow. */
    public AvroSerializer() {}

    /** For code that shares one registry client between serdes. */
    public AvroSerializer(SchemaRegistryClient registry) {
        this.registry = registry;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        this.isKey = isKey;
        if (registry == null) {
            registry = new SchemaRegistryClient(SchemaRegistryConfig.from(configs));
        }
    }

    @Override
    public byte @Nullable [] serialize(String topic, @Nullable T data) {
        if (data == null) {
            return null;
        }
        String subject = topic + (isKey ? "-key" : "-value");
        int schemaId = registry.idFor(subject, data.getSchema());
        byte[] body = encode(data);
        return WireFormat.header(schemaId, body.length).put(body).array();
    }

    private byte[] encode(T data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
        try {
            writerFor(data).write(data, encoder);
            encoder.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private DatumWriter<T> writerFor(T data) {
        if (data instanceof SpecificRecord) {
            return new SpecificDatumWriter<>(data.getSchema(), SpecificData.getForSchema(data.getSchema()));
        }
        return new GenericDatumWriter<>(data.getSchema(), GenericData.get());
    }
}
