package io.crosspatch.patching.activation.application;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Activation settings, under {@code crosspatch.patching.activation}: registrations per activation and validity (see
 * {@code ActivationPolicy}), the worker pool shared by all accounts, and how many activations one account may have in
 * flight at once. The defaults are here and nowhere else.
 *
 * @param registrationLimit     managed nodes one activation may register; default 1, so a leaked code registers at
 *                              most the one VM it was issued for
 * @param validity              how long an activation code can be used; default 24 h, time enough for a VM that
 *                              fetches it late, short enough that a leaked code expires
 * @param workers               activation threads shared by all accounts; default 32
 * @param perAccountConcurrency activations one account may have in flight at once; default 8, so one busy account
 *                              cannot take every worker
 */
@ConfigurationProperties("crosspatch.patching.activation")
public record ActivationProperties(
        Integer registrationLimit, Duration validity, Integer workers, Integer perAccountConcurrency) {

    public ActivationProperties {
        registrationLimit = registrationLimit == null ? 1 : registrationLimit;
        validity = validity == null ? Duration.ofHours(24) : validity;
        workers = workers == null ? 32 : workers;
        perAccountConcurrency = perAccountConcurrency == null ? 8 : perAccountConcurrency;
    }
}
