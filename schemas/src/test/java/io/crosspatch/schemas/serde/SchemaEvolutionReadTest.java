package io.crosspatch.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crosspatch.events.PatchResult;
import io.crosspatch.schemas.fixtures.EventFixtures;
import io.crosspatch.schemas.topics.Topics;
import java.io.ByteArrayOutputStream;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.junit.jupiter.api.Test;

/**
 * A consumer still built against the current schema reads records a newer producer wrote with a next version
 * (an added optional field), through the real registry: the upgrade order of services does not matter.
 */
class SchemaEvolutionReadTest {

    @Test
    void shouldLetReaderOnPreviousVersionReadRecordWrittenWithNewVersion() throws Exception {
        // given a next version of patch.results with one more optional field, registered by its producer
        PatchResult current = EventFixtures.anyPatchResult();
        Schema next = withAddedOptionalField(PatchResult.getClassSchema(), "maintenanceWindowId");
        GenericRecord written = asNextVersion(current, next);
        written.put("maintenanceWindowId", "mw-0123456789abcdef0");

        // when the producer writes it and the current consumer reads it
        byte[] bytes = Registry.<GenericRecord>serializer().serialize(Topics.PATCH_RESULTS.name(), written);
        Object read = Registry.deserializer().deserialize(Topics.PATCH_RESULTS.name(), bytes);

        // then the consumer sees every field it knows, unchanged
        assertThat(read)
                .isInstanceOf(PatchResult.class)
                .usingRecursiveComparison()
                .isEqualTo(current);
    }

    private static Schema withAddedOptionalField(Schema schema, String field) throws Exception {
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = (ObjectNode) json.readTree(schema.toString());
        ObjectNode added = json.createObjectNode();
        added.put("name", field);
        added.set("type", json.readTree("[\"null\",\"string\"]"));
        added.putNull("default");
        ((ArrayNode) root.get("fields")).add(added);
        return new Schema.Parser().parse(root.toString());
    }

    /** The same data as seen through the next schema (Avro resolution fills the new field's default). */
    private static GenericRecord asNextVersion(PatchResult record, Schema next) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        new SpecificDatumWriter<PatchResult>(
                        PatchResult.getClassSchema(),
                        PatchResult.getClassSchema() == null
                                ? null
                                : org.apache.avro.specific.SpecificData.getForClass(PatchResult.class))
                .write(record, encoder);
        encoder.flush();
        return new GenericDatumReader<GenericRecord>(PatchResult.getClassSchema(), next, GenericData.get())
                .read(null, DecoderFactory.get().binaryDecoder(out.toByteArray(), null));
    }
}
