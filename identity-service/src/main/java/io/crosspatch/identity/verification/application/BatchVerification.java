package io.crosspatch.identity.verification.application;

import io.crosspatch.identity.verification.domain.RequestedEnrollment;
import io.crosspatch.identity.verification.domain.VerificationOutcome;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import org.slf4j.MDC;

/**
 * Verifies the enrollments of one poll side by side on a bounded pool: a verification mostly waits (Cassandra's
 * lightweight transactions, a JWKS fetch), so one at a time per partition would leave the machine idle during an
 * enrollment storm. Outcomes come back in the records' order; the first record whose verification failed (not
 * rejected: failed, e.g. Cassandra unreachable) is reported with its index so the caller can publish what came
 * before it and have the rest redelivered.
 */
public class BatchVerification {

    /** The outcomes of the records before {@code failedIndex}, and why that one failed. */
    public static final class PartialFailure extends RuntimeException {

        private final transient List<VerificationOutcome> completed;
        private final int failedIndex;

        PartialFailure(List<VerificationOutcome> completed, int failedIndex, Throwable cause) {
            super("verification of record " + failedIndex + " of the batch failed: " + cause.getMessage(), cause);
            this.completed = List.copyOf(completed);
            this.failedIndex = failedIndex;
        }

        public List<VerificationOutcome> completed() {
            return completed;
        }

        public int failedIndex() {
            return failedIndex;
        }
    }

    private final VerificationService verification;
    private final ExecutorService pool;

    public BatchVerification(VerificationService verification, ExecutorService pool) {
        this.verification = verification;
        this.pool = pool;
    }

    public List<VerificationOutcome> verifyAll(List<RequestedEnrollment> enrollments) {
        List<CompletableFuture<VerificationOutcome>> running = new ArrayList<>(enrollments.size());
        for (RequestedEnrollment enrollment : enrollments) {
            running.add(CompletableFuture.supplyAsync(() -> verifyWithContext(enrollment), pool));
        }
        List<VerificationOutcome> outcomes = new ArrayList<>(enrollments.size());
        for (int i = 0; i < running.size(); i++) {
            try {
                outcomes.add(running.get(i).join());
            } catch (CompletionException e) {
                throw new PartialFailure(outcomes, i, e.getCause() == null ? e : e.getCause());
            }
        }
        return outcomes;
    }

    private VerificationOutcome verifyWithContext(RequestedEnrollment enrollment) {
        try (MDC.MDCCloseable id = MDC.putCloseable("enrollmentId", enrollment.enrollmentId())) {
            return verification.verify(enrollment);
        } finally {
            MDC.remove("cloudAccountKey");
        }
    }
}
