package io.crosspatch.account.vending.application;

import io.crosspatch.kernel.CloudAccountKey;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * An enrollment that reached account vending and waits for its cloud account's system account; kept until its
 * {@code account.ready} or {@code enrollment.failed} has been published ({@code outcome} set).
 */
public record WaitingEnrollment(
        CloudAccountKey key,
        String enrollmentId,
        PassedOnIdentity identity,
        Instant receivedAt,
        @Nullable String outcome) {

    public boolean resolved() {
        return outcome != null;
    }
}
