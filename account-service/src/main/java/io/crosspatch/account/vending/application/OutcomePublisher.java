package io.crosspatch.account.vending.application;

import io.crosspatch.account.vending.domain.SystemAccount;

/** Publishes what became of an enrollment at this stage. Returns only once the broker acknowledged the event. */
public interface OutcomePublisher {

    void accountReady(WaitingEnrollment enrollment, SystemAccount account);

    void enrollmentFailed(WaitingEnrollment enrollment, SystemAccount account);
}
