package io.crosspatch.patching.desiredstate.application;

import io.crosspatch.patching.desiredstate.domain.AccountConfiguration;

/** Publishes that a reconcile changed an account's configuration ({@code account.configured}; Kafka behind it). */
public interface ConfigurationEvents {

    /** Publishes and waits for the broker's acknowledgement, so nothing is recorded as told that was not. */
    void configured(AccountConfiguration configuration);
}
