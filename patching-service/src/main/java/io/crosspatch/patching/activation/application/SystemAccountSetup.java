package io.crosspatch.patching.activation.application;

import io.crosspatch.patching.systemaccount.domain.KnownAccount;

/**
 * Makes sure a system account's SSM holds the desired state before activations are issued into it (so a node
 * that registers finds its patch group's baseline and window). A failure leaves the account's enrollments for
 * redelivery.
 */
public interface SystemAccountSetup {

    void ensureConfigured(KnownAccount account);
}
