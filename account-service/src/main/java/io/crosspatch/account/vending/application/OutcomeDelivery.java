package io.crosspatch.account.vending.application;

import io.crosspatch.account.vending.domain.SystemAccount;
import io.crosspatch.account.vending.domain.SystemAccountState;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.stereotype.Service;

/**
 * Publishes the outcome of a settled system account — {@code account.ready} or {@code enrollment.failed} — to
 * enrollments that wait for it, each exactly once in normal operation: a lease taken with a conditional write
 * decides who publishes, the outcome is recorded after the broker acknowledged, and a publisher that died
 * mid-way leaves a lease that expires so the event is published again (same event id) rather than lost.
 */
@Service
public class OutcomeDelivery {

    private static final Logger log = LoggerFactory.getLogger(OutcomeDelivery.class);

    private final WaitingEnrollments enrollments;
    private final OutcomePublisher publisher;
    private final VendingProperties properties;
    private final Clock clock;

    public OutcomeDelivery(
            WaitingEnrollments enrollments, OutcomePublisher publisher, VendingProperties properties, Clock clock) {
        this.enrollments = enrollments;
        this.publisher = publisher;
        this.properties = properties;
        this.clock = clock;
    }

    /** Delivers to every waiting enrollment; true when none is left waiting. */
    boolean deliverAll(SystemAccount account) {
        List<WaitingEnrollment> waiting = enrollments.unresolved(account.key());
        boolean all = true;
        for (WaitingEnrollment enrollment : waiting) {
            all &= deliver(account, enrollment);
        }
        return all;
    }

    /** Delivers to one enrollment; false when another publisher holds it right now. */
    boolean deliver(SystemAccount account, WaitingEnrollment enrollment) {
        if (!enrollments.claimPublication(
                account.key(), enrollment.enrollmentId(), clock.instant(), properties.publicationLease())) {
            return false;
        }
        MDC.put("enrollmentId", enrollment.enrollmentId());
        try {
            if (account.state() == SystemAccountState.READY) {
                publisher.accountReady(enrollment, account);
            } else {
                publisher.enrollmentFailed(enrollment, account);
            }
            enrollments.resolve(
                    account.key(), enrollment.enrollmentId(), account.state().name());
            log.info("enrollment {} of {}: {}", enrollment.enrollmentId(), account.key(), account.state());
            return true;
        } finally {
            MDC.remove("enrollmentId");
        }
    }
}
