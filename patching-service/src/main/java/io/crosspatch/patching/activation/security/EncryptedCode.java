package io.crosspatch.patching.activation.security;

/** An activation code as a compact JWE, and the id of the key it was encrypted with. */
public record EncryptedCode(String jwe, String keyId) {
}
