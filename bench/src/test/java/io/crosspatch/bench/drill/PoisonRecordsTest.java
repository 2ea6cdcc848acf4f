package io.crosspatch.bench.drill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crosspatch.schemas.serde.UnknownMagicByteException;
import io.crosspatch.schemas.serde.WireFormat;
import io.crosspatch.schemas.topics.TopicDefinition;
import io.crosspatch.schemas.topics.Topics;
import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.api.Test;

class PoisonRecordsTest {

    @Test
    void makesThreeDistinctlyNamedPoisonsPerTopicEachBrokenInItsOwnWay() {
        List<PoisonRecords.Poison> poisons = PoisonRecords.poisonsFor("patch.results", 42);

        assertThat(poisons)
                .extracting(PoisonRecords.Poison::key)
                .containsExactly(
                        "poison-wrong-magic-patch.results",
                        "poison-unknown-schema-patch.results",
                        "poison-truncated-patch.results");
        assertThatThrownBy(() ->
                        WireFormat.readSchemaId(ByteBuffer.wrap(poisons.get(0).value())))
                .isInstanceOf(UnknownMagicByteException.class);
        assertThat(WireFormat.readSchemaId(ByteBuffer.wrap(poisons.get(1).value())))
                .isNotEqualTo(42);
        ByteBuffer truncated = ByteBuffer.wrap(poisons.get(2).value());
        assertThat(WireFormat.readSchemaId(truncated)).isEqualTo(42);
        // a lone varint byte with its continuation bit set: no Avro record of the contract ends there
        assertThat(truncated.remaining()).isEqualTo(1);
        assertThat(truncated.get() & 0x80).isNotZero();
    }

    @Test
    void knowsTheConsumingGroupsOfEveryTopicThePoisonsGoOnto() {
        // the drill poisons every topic of the contract; a topic missing here would be checked for one copy only
        assertThat(PoisonRecords.CONSUMING_GROUPS.keySet())
                .containsExactlyInAnyOrderElementsOf(
                        Topics.all().stream().map(TopicDefinition::name).toList());
    }
}
