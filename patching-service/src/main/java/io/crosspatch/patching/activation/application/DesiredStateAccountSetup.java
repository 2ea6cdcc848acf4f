package io.crosspatch.patching.activation.application;

import io.crosspatch.patching.desiredstate.application.AccountConfigurer;
import io.crosspatch.patching.systemaccount.domain.KnownAccount;
import org.springframework.stereotype.Component;

/**
 * {@link SystemAccountSetup} by the desired-state feature's {@link AccountConfigurer} (which reconciles only when
 * the account's plan changed). A seam of its own so the intake's rules are tested without SSM.
 */
@Component
class DesiredStateAccountSetup implements SystemAccountSetup {

    private final AccountConfigurer configurer;

    DesiredStateAccountSetup(AccountConfigurer configurer) {
        this.configurer = configurer;
    }

    @Override
    public void ensureConfigured(KnownAccount account) {
        configurer.ensureConfigured(account);
    }
}
