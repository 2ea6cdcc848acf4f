package io.crosspatch.patching.activation.domain;

import java.time.Instant;

/**
 * An activation as SSM issued it. The code is a bearer secret: this record never prints it, and it leaves the
 * process only encrypted.
 */
public record IssuedCode(String activationId, String activationCode, Instant expiresAt) {

    @Override
    public String toString() {
        return "IssuedCode[activationId=" + activationId + ", activationCode=<redacted>, expiresAt=" + expiresAt + "]";
    }
}
