package io.crosspatch.identity.verification.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The back-off of enrollments parked for an unavailable trust source, and when they are given up. */
class RetryPolicyTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private final RetryPolicy policy =
            new RetryPolicy(Duration.ofSeconds(10), Duration.ofMinutes(1), Duration.ofHours(6));

    @Test
    void waitsLongerEachTimeUpToTheLongestDelay() {
        RetryTicket ticket = policy.first(T0);
        assertThat(ticket.due()).isEqualTo(T0.plusSeconds(10));

        RetryTicket second = policy.next(ticket, ticket.due()).orElseThrow();
        RetryTicket third = policy.next(second, second.due()).orElseThrow();
        RetryTicket fourth = policy.next(third, third.due()).orElseThrow();
        RetryTicket fifth = policy.next(fourth, fourth.due()).orElseThrow();

        assertThat(Duration.between(ticket.due(), second.due())).isEqualTo(Duration.ofSeconds(20));
        assertThat(Duration.between(second.due(), third.due())).isEqualTo(Duration.ofSeconds(40));
        assertThat(Duration.between(third.due(), fourth.due())).isEqualTo(Duration.ofMinutes(1));
        assertThat(Duration.between(fourth.due(), fifth.due())).isEqualTo(Duration.ofMinutes(1));
        assertThat(fifth.attempt()).isEqualTo(5);
        assertThat(fifth.since()).isEqualTo(T0);
    }

    @Test
    void givesUpOnceTheEnrollmentHasWaitedTheWholeTime() {
        RetryTicket ticket = policy.first(T0);

        assertThat(policy.next(ticket, T0.plus(Duration.ofHours(6)).minusSeconds(1)))
                .isPresent();
        assertThat(policy.next(ticket, T0.plus(Duration.ofHours(6)))).isEmpty();
    }

    @Test
    void aTicketIsDueOnceItsTimeHasCome() {
        RetryTicket ticket = policy.first(T0);

        assertThat(ticket.waitFrom(T0)).isEqualTo(Duration.ofSeconds(10));
        assertThat(ticket.waitFrom(T0.plusSeconds(11))).isZero();
    }
}
