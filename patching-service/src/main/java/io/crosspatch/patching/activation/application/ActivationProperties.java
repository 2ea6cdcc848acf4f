package io.crosspatch.patching.activation.application;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Activation settings: registrations per activation and validity (see {@code ActivationPolicy}), the worker pool
 * shared by all accounts, and how many activations one account may have in flight at once.
 */
@ConfigurationProperties("crosspatch.patching.activation")
public record ActivationProperties(int registrationLimit, Duration validity, int workers, int perAccountConcurrency) {
}
