package io.crosspatch.identity.enrollment.application;

/** Turns an activation code encrypted by patching-service back into the code, with the shared key it names. */
public interface ActivationCodeDecrypter {

    /** @throws IllegalArgumentException when the code is not decryptable with a configured key */
    String decrypt(String compactJwe);
}
