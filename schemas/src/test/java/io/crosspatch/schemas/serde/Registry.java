package io.crosspatch.schemas.serde;

import io.crosspatch.testbed.Testbed;
import java.util.Map;

/** The real schema registry of the shared testbed, and serdes configured against it. */
final class Registry {

    private Registry() {}

    static String url() {
        return Testbed.shared().schemaRegistry().url();
    }

    static Map<String, Object> serdeConfig() {
        return Map.of(SchemaRegistryConfig.URL, url(), SchemaRegistryConfig.AUTO_REGISTER, "true");
    }

    static <T extends org.apache.avro.generic.GenericContainer> AvroSerializer<T> serializer() {
        AvroSerializer<T> serializer = new AvroSerializer<>();
        serializer.configure(serdeConfig(), false);
        return serializer;
    }

    static AvroDeserializer deserializer() {
        AvroDeserializer deserializer = new AvroDeserializer();
        deserializer.configure(serdeConfig(), false);
        return deserializer;
    }
}
