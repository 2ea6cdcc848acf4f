package io.crosspatch.identity.enrollment.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SecretHashTest {

    @Test
    void shouldMatchOnlyTheSecretItWasMadeFrom() {
        SecretHash hash = SecretHash.of("the-secret");

        assertThat(hash.matches("the-secret")).isTrue();
        assertThat(hash.matches("the-secreT")).isFalse();
        assertThat(hash.matches(null)).isFalse();
        assertThat(hash.value()).hasSize(43).doesNotContain("the-secret");
    }
}
