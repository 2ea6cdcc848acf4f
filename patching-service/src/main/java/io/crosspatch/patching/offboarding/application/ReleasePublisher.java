package io.crosspatch.patching.offboarding.application;

import io.crosspatch.patching.offboarding.domain.AccountOffboarding;
import java.time.Instant;

/** Publishes {@code account.released} and waits for the broker's acknowledgement. */
public interface ReleasePublisher {

    void released(AccountOffboarding offboarding, Instant at);
}
