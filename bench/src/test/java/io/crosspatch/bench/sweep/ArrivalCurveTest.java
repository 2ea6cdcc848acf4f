package io.crosspatch.bench.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ArrivalCurveTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void answersTheTimeToTheFirstAndToEachShareOfTheExpectedItems() {
        ArrivalCurve curve = new ArrivalCurve(100 * SECOND, 10);
        for (int i = 1; i <= 10; i++) {
            curve.seen("node-" + i, (100 + i) * SECOND);
        }

        assertThat(curve.timeTo(0.1)).contains(Duration.ofSeconds(1));
        assertThat(curve.timeTo(0.5)).contains(Duration.ofSeconds(5));
        assertThat(curve.timeTo(0.9)).contains(Duration.ofSeconds(9));
        assertThat(curve.timeTo(1.0)).contains(Duration.ofSeconds(10));
        assertThat(curve.milestonesSeconds()).containsEntry("first", 1.0).containsEntry("100%", 10.0);
    }

    @Test
    void keepsTheFirstSightingOfAnItem() {
        ArrivalCurve curve = new ArrivalCurve(0, 2);
        curve.seen("a", 2 * SECOND);
        curve.seen("a", 7 * SECOND);
        curve.seen("b", 3 * SECOND);

        assertThat(curve.arrived()).isEqualTo(2);
        assertThat(curve.timeTo(1.0)).contains(Duration.ofSeconds(3));
    }

    @Test
    void saysNotReachedWhileTooFewArrived() {
        ArrivalCurve curve = new ArrivalCurve(0, 4);
        curve.seen("a", SECOND);
        curve.seen("b", 2 * SECOND);

        assertThat(curve.timeTo(0.5)).contains(Duration.ofSeconds(2));
        assertThat(curve.timeTo(0.9)).isEmpty();
        assertThat(curve.milestonesSeconds()).containsEntry("100%", "not reached");
    }

    @Test
    void roundsAShareUpToWholeItems() {
        ArrivalCurve curve = new ArrivalCurve(0, 3);
        curve.seen("a", SECOND);

        // half of 3 is 2 items, not 1
        assertThat(curve.timeTo(0.5)).isEmpty();
    }
}
