package io.crosspatch.identity.onboarding.application;

import io.crosspatch.identity.onboarding.domain.OffboardedAccount;

/**
 * Publishes {@code account.offboarded} and waits for the broker's acknowledgement, so an admin is told 202 only for
 * an offboarding that the rest of the platform will see; throws {@link OffboardingUnavailableException} otherwise.
 */
public interface OffboardingPublisher {

    void publish(OffboardedAccount account);
}
