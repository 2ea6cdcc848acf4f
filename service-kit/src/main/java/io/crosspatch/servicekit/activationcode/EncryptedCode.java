package io.crosspatch.servicekit.activationcode;

/** An activation code as a compact JWE, and the id of the key it was sealed with. */
public record EncryptedCode(String jwe, String keyId) {}
