package io.crosspatch.account.vending.application;

import io.crosspatch.kernel.CloudAccountKey;
import java.time.Instant;

/**
 * An enrollment that reached account vending and waits for its cloud account's system account; kept until its
 * {@code account.ready} or {@code enrollment.failed} has been published ({@code outcome} set).
 */
public record WaitingEnrollment(CloudAccountKey key, String enrollmentId, PassedOnIdentity identity,
        Instant receivedAt, String outcome) {

    public boolean resolved() {
        return outcome != null;
    }
}
