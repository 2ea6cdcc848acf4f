package io.crosspatch.simulator.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdsTest {

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 12, 18, 19})
    void shouldAlwaysGiveExactlyTheDigitsAskedFor(int digits) {
        // 2,000 draws: the old 19-digit arithmetic overflowed on about one draw in twelve
        for (int i = 0; i < 2_000; i++) {
            assertThat(Ids.digits(digits)).matches("[1-9][0-9]{" + (digits - 1) + "}");
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 20})
    void shouldRefuseDigitCountsALongCannotHold(int digits) {
        assertThatThrownBy(() -> Ids.digits(digits)).isInstanceOf(IllegalArgumentException.class);
    }
}
