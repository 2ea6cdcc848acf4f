package io.crosspatch.schemas.topics;

import static org.assertj.core.api.Assertions.assertThat;

import io.crosspatch.kernel.PatchCounts;
import org.junit.jupiter.api.Test;

class PatchCountsMappingTest {

    @Test
    void everyCountReachesTheWireAndComesBackInItsOwnField() {
        PatchCounts counts = new PatchCounts(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);

        io.crosspatch.events.PatchCounts wire = PatchCountsMapping.toAvro(counts);

        assertThat(wire.getInstalled()).isEqualTo(1);
        assertThat(wire.getNotApplicable()).isEqualTo(7);
        assertThat(wire.getOtherNonCompliant()).isEqualTo(10);
        assertThat(PatchCountsMapping.fromAvro(wire)).isEqualTo(counts);
    }
}
