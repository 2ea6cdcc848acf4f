package io.crosspatch.bench.drill;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TallyTest {

    @Test
    void everyExpectedKeyOnceIsExactlyOnce() {
        Tally tally = Tally.of(List.of("a", "b"), List.of("b", "a"), key -> key);

        assertThat(tally.exactlyOnce()).isTrue();
        assertThat(tally.describe("keys")).startsWith("2 keys expected; 0 missing, 0 more than once, 0 not expected");
    }

    @Test
    void aKeyNeverSeenIsALossAndFailsBothRules() {
        Tally tally = Tally.of(List.of("a", "b", "c"), List.of("a", "c"), key -> key);

        assertThat(tally.missing()).containsExactly("b");
        assertThat(tally.exactlyOnce()).isFalse();
        assertThat(tally.atLeastOnce()).isFalse();
        assertThat(tally.describe("keys")).contains("missing e.g. b");
    }

    @Test
    void aKeySeenTwiceIsADuplicateButStillAtLeastOnce() {
        Tally tally = Tally.of(List.of("a", "b"), List.of("a", "b", "b"), key -> key);

        assertThat(tally.duplicated()).isEqualTo(Map.of("b", 2));
        assertThat(tally.exactlyOnce()).isFalse();
        assertThat(tally.atLeastOnce()).isTrue();
        assertThat(tally.describe("keys")).contains("more than once e.g. b×2");
        assertThat(tally.describeAtLeastOnce("keys"))
                .isEqualTo("2 keys expected; 0 missing, 0 not expected, 1 seen more than once (allowed)");
    }

    @Test
    void keysOutsideTheExpectedSetAreReportedNotCountedAsExpected() {
        Tally tally = Tally.ofCounts(List.of("a"), Map.of("a", 1, "stranger", 1, "zero", 0));

        assertThat(tally.exactlyOnce()).isTrue();
        assertThat(tally.unexpected()).containsExactly("stranger");
    }
}
