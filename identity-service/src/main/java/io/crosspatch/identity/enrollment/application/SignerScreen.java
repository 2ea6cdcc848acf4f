package io.crosspatch.identity.enrollment.application;

import io.crosspatch.identity.enrollment.domain.EnrollmentRequest;

/**
 * Asks, before an enrollment costs a Cassandra claim and a Kafka publish, whether its JWT identity names a key id its
 * issuer certainly does not publish. Built for a flood of forged tokens with random key ids: refusing them at the
 * front door costs a header parse and a cache lookup instead of the whole asynchronous round trip. The answer is
 * only ever "certainly unknown" or "don't know": anything unsure (an issuer that cannot be read, an unknown issuer,
 * a token that does not parse, another provider) is left to the verifier, which gives its verdict as before.
 */
public interface SignerScreen {

    /** The screen's answer. */
    enum Answer {
        /** The issuer's keys are known and none has the token's key id and algorithm: refuse. */
        UNKNOWN_KEY_ID,
        /** Anything else: accept and let the verifier decide. */
        DONT_KNOW
    }

    /** The screen of a process that has no trust sources (an ingress without the verifier): never sure. */
    SignerScreen NONE = request -> Answer.DONT_KNOW;

    Answer screen(EnrollmentRequest request);
}
