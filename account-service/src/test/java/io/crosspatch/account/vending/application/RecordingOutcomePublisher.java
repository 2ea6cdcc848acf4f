package io.crosspatch.account.vending.application;

import io.crosspatch.account.vending.domain.SystemAccount;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** {@link OutcomePublisher} that keeps what it published, as {@code "<topic> <enrollment id>"}. */
final class RecordingOutcomePublisher implements OutcomePublisher {

    private final List<String> published = new CopyOnWriteArrayList<>();

    @Override
    public void accountReady(WaitingEnrollment enrollment, SystemAccount account) {
        published.add("account.ready " + enrollment.enrollmentId());
    }

    @Override
    public void enrollmentFailed(WaitingEnrollment enrollment, SystemAccount account) {
        published.add("enrollment.failed " + enrollment.enrollmentId());
    }

    List<String> published() {
        return List.copyOf(published);
    }
}
