package io.crosspatch.servicekit.input;

import static org.assertj.core.api.Assertions.assertThat;

import io.crosspatch.kernel.DerNesting;
import io.crosspatch.servicekit.testing.WorstCase;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class DerNestingTest {

    @Test
    void shouldCountNestedValuesOfDefiniteAndIndefiniteLength() {
        byte[] definite = {0x30, 0x06, 0x30, 0x04, 0x02, 0x02, 0x01, 0x00};
        byte[] indefinite = {
            0x30, (byte) 0x80, 0x31, (byte) 0x80, 0x04, 0x01, 0x41, 0x00, 0x00, 0x00, 0x00, 0x02, 0x01, 0x00
        };

        assertThat(DerNesting.atMost(definite, 2)).isTrue();
        assertThat(DerNesting.atMost(definite, 1)).isFalse();
        assertThat(DerNesting.atMost(indefinite, 2)).isTrue();
        assertThat(DerNesting.atMost(indefinite, 1)).isFalse();
    }

    @Test
    void shouldSkipPrimitiveValuesAndSiblingsAtTheSameDepth() {
        byte[] siblings = {0x30, 0x0c, 0x30, 0x02, 0x05, 0x00, 0x30, 0x02, 0x05, 0x00, 0x04, 0x02, 0x30, 0x30};

        assertThat(DerNesting.atMost(siblings, 2)).isTrue();
    }

    @Test
    void shouldLeaveTruncatedInputToTheParser() {
        byte[] awsPrefix = Base64.getMimeDecoder().decode("MIAGCSqGSIb3\nDQEHAqCAMIAC\n");

        assertThat(DerNesting.atMost(awsPrefix, 8)).isTrue();
    }

    @Test
    void shouldRefuseDeepNestingInOnePass() {
        WorstCase.assertCheapAndLinear(
                n -> "x".repeat(n),
                64 * 1024,
                text -> {
                    byte[] ber = new byte[text.length()];
                    for (int i = 0; i + 1 < ber.length / 2; i += 2) {
                        ber[i] = 0x30;
                        ber[i + 1] = (byte) 0x80;
                    }
                    if (DerNesting.atMost(ber, 32)) {
                        throw new AssertionError("nested " + ber.length / 4 + " deep and accepted");
                    }
                },
                Duration.ofMillis(50));
    }
}
