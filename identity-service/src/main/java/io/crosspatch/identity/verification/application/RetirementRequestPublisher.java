package io.crosspatch.identity.verification.application;

import io.crosspatch.identity.verification.domain.RetirementRequest;

/** Hands a retirement request to patching-service ({@code instance.retirement.requested}), acknowledged or thrown. */
public interface RetirementRequestPublisher {

    /** Publishes the request; {@link RetirementUnavailableException} when the broker did not acknowledge it. */
    void publish(RetirementRequest request);
}
