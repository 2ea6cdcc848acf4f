package io.crosspatch.patching.activation.application;

import io.crosspatch.patching.activation.domain.SealedCode;

/**
 * Encrypts an activation code before it leaves the process (Kafka, Cassandra): the code is a bearer secret that
 * registers a machine into the customer's account, so it is sealed the moment SSM hands it over.
 */
public interface ActivationCodeSealer {

    SealedCode seal(String activationCode);
}
