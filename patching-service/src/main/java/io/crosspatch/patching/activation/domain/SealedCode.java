package io.crosspatch.patching.activation.domain;

/**
 * An activation code as it may leave the process: encrypted (a compact JWE), with the id of the key that sealed
 * it, so a reader picks the right key after a rotation. The plain code never travels or is stored.
 */
public record SealedCode(String jwe, String keyId) {}
