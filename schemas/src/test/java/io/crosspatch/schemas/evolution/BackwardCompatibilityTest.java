package io.crosspatch.schemas.evolution;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.junit.jupiter.api.Test;

/** The build's schema rule: new readers must read old data, and a break names the field. */
class BackwardCompatibilityTest {

    private static final Schema V1 = SchemaBuilder.record("Event")
            .namespace("io.crosspatch.test")
            .fields()
            .requiredString("enrollmentId")
            .name("stage")
            .type()
            .enumeration("Stage")
            .symbols("VERIFICATION", "ACCOUNT")
            .noDefault()
            .endRecord();

    @Test
    void shouldAcceptAddedOptionalFieldWithDefault() {
        Schema v2 = SchemaBuilder.record("Event")
                .namespace("io.crosspatch.test")
                .fields()
                .requiredString("enrollmentId")
                .name("stage")
                .type()
                .enumeration("Stage")
                .symbols("VERIFICATION", "ACCOUNT")
                .noDefault()
                .optionalString("reason")
                .endRecord();

        assertThat(BackwardCompatibility.breakingChanges(V1, v2)).isEmpty();
    }

    @Test
    void shouldNameFieldAddedWithoutDefault() {
        Schema v2 = SchemaBuilder.record("Event")
                .namespace("io.crosspatch.test")
                .fields()
                .requiredString("enrollmentId")
                .name("stage")
                .type()
                .enumeration("Stage")
                .symbols("VERIFICATION", "ACCOUNT")
                .noDefault()
                .requiredString("tenantId")
                .endRecord();

        assertThat(BackwardCompatibility.breakingChanges(V1, v2))
                .singleElement()
                .asString()
                .contains("'tenantId'")
                .contains("without a default");
    }

    @Test
    void shouldNameRemovedEnumSymbol() {
        Schema v2 = SchemaBuilder.record("Event")
                .namespace("io.crosspatch.test")
                .fields()
                .requiredString("enrollmentId")
                .name("stage")
                .type()
                .enumeration("Stage")
                .symbols("VERIFICATION")
                .noDefault()
                .endRecord();

        assertThat(BackwardCompatibility.breakingChanges(V1, v2))
                .singleElement()
                .asString()
                .contains("ACCOUNT")
                .contains("'stage'");
    }

    @Test
    void shouldNameNestedFieldByItsDottedPath() {
        Schema agentV1 =
                SchemaBuilder.record("Agent").fields().requiredString("version").endRecord();
        Schema agentV2 =
                SchemaBuilder.record("Agent").fields().requiredLong("version").endRecord();
        Schema v1 = SchemaBuilder.record("Result")
                .fields()
                .name("agent")
                .type(agentV1)
                .noDefault()
                .endRecord();
        Schema v2 = SchemaBuilder.record("Result")
                .fields()
                .name("agent")
                .type(agentV2)
                .noDefault()
                .endRecord();

        assertThat(BackwardCompatibility.breakingChanges(v1, v2))
                .singleElement()
                .asString()
                .contains("'agent.version'");
    }

    @Test
    void shouldNameFieldWhoseTypeChangedIncompatibly() {
        Schema v2 = SchemaBuilder.record("Event")
                .namespace("io.crosspatch.test")
                .fields()
                .requiredInt("enrollmentId")
                .name("stage")
                .type()
                .enumeration("Stage")
                .symbols("VERIFICATION", "ACCOUNT")
                .noDefault()
                .endRecord();

        assertThat(BackwardCompatibility.breakingChanges(V1, v2))
                .singleElement()
                .asString()
                .contains("'enrollmentId'");
    }
}
