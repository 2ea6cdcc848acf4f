package io.crosspatch.identity.verification.application;

import org.jspecify.annotations.Nullable;

/**
 * A trust source (an issuer's JWKS endpoint) could not be read and none of its keys are known. Not the VM's fault,
 * so not a rejection: {@link VerificationService} defers the enrollment, which is parked and verified again later
 * without holding the records of other issuers (and given up only after hours, as retryable).
 */
public class TrustSourceUnavailableException extends RuntimeException {

    public TrustSourceUnavailableException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }
}
