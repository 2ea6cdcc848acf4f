package io.crosspatch.reporting.compliance.web;

import static io.crosspatch.servicekit.testing.WorstCase.assertCheapAndLinear;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Each path and query check fed a 64 K near-miss: it answers within 50 ms, linearly in the input. */
class QueryInputTest {

    private static final int SIZE = 64 * 1024;
    private static final Duration BOUND = Duration.ofMillis(50);

    @Test
    void shouldCheckEachValueInLinearTime() {
        assertCheapAndLinear(n -> "a.".repeat(n / 2) + "!", SIZE, QueryInput::tenant, BOUND);
        assertCheapAndLinear(n -> "a".repeat(n) + " ", SIZE, id -> QueryInput.id("instanceId", id), BOUND);
        assertCheapAndLinear(n -> "a-".repeat(n / 2) + "A", SIZE, QueryInput::patchGroup, BOUND);
        assertCheapAndLinear(n -> "A".repeat(n) + "=", SIZE, QueryInput::pageToken, BOUND);
    }

    @Test
    void shouldAcceptWhatThisApiAndOnboardingIssue() {
        assertThat(QueryInput.tenant("acme-7f3a9c1e")).isEqualTo("acme-7f3a9c1e");
        assertThat(QueryInput.id("cloudAccountId", "0f4e5c7a-1b2c-4d5e-8f90-123456789abc"))
                .isNotNull();
        assertThat(QueryInput.id("instanceId", null)).isNull();
        assertThat(QueryInput.patchGroup("on-time")).isEqualTo("on-time");
        assertThat(QueryInput.pageToken("AAECAw_-")).isEqualTo("AAECAw_-");
    }

    @Test
    void shouldRefuseWithAStableCode() {
        assertThatThrownBy(() -> QueryInput.tenant("-acme"))
                .isInstanceOfSatisfying(
                        BadRequestException.class, e -> assertThat(e.code()).isEqualTo("INVALID_PARAMETER"));
        assertThatThrownBy(() -> QueryInput.pageToken("A".repeat(QueryInput.MAX_PAGE_TOKEN_CHARS + 1)))
                .isInstanceOfSatisfying(
                        BadRequestException.class, e -> assertThat(e.code()).isEqualTo("INVALID_PAGE_TOKEN"));
    }
}
