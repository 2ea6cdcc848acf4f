package io.crosspatch.identity.verification.domain;

/**
 * Why the verifier refused an enrollment: the stable {@code reasonCode} of {@code enrollment.failed} (stage
 * VERIFICATION), which the VM sees as its REJECTED reason. None of them is retryable with the same identity but
 * {@link #TRUST_SOURCE_UNAVAILABLE}.
 */
public enum RejectionReason {
    /** The signature does not verify with the trusted key the token or document names (forged, tampered). */
    SIGNATURE_INVALID,
    /** Signed by no trusted key or certificate: unknown key id, untrusted chain, wrong signer name, embedded key. */
    UNTRUSTED_SIGNER,
    /** {@code alg} outside the provider's allow-list ({@code none}, HMAC, …). */
    ALGORITHM_NOT_ALLOWED,
    /** Past its expiry (beyond the clock skew), or an Azure document created too long ago. */
    TOKEN_EXPIRED,
    /** Not valid yet: {@code nbf}, {@code iat} or the document's creation time is in the future. */
    TOKEN_NOT_YET_VALID,
    /** Expires more than an hour from now: no provider issues those, so it was minted to be replayed. */
    TOKEN_LIFETIME_TOO_LONG,
    /** {@code aud} is not exactly the configured audience. */
    AUDIENCE_MISMATCH,
    /** The token's issuer is not a configured one. */
    ISSUER_UNKNOWN,
    /** The Azure nonce is unknown, expired, already used, or not the one the document signs. */
    NONCE_INVALID,
    /** A claim or document field the provider's rules require is missing or malformed. */
    CLAIMS_MISSING,
    /** Not a well-formed token or PKCS#7 structure at all. */
    MALFORMED_IDENTITY,
    /** The AWS plain document sent beside the signature differs from the signed content. */
    DOCUMENT_MISMATCH,
    /** This VMware token ({@code jti}) was already used by another enrollment. */
    TOKEN_REPLAYED,
    /** The request's provider differs from the kind of identity it carries. */
    PROVIDER_MISMATCH,
    /** The signed cloud account is not onboarded to any tenant. */
    ACCOUNT_NOT_ONBOARDED,
    /** The {@code crosspatch-patching} label is not {@code true}. */
    PATCHING_NOT_REQUESTED,
    /** The {@code crosspatch-patchgroup} label names a group the cloud account does not allow. */
    PATCH_GROUP_NOT_ALLOWED,
    /** The reported OS family has no SSM patch baseline. */
    OS_NOT_SUPPORTED,
    /** This instance already enrolled with another enrollment; re-enrollment is an audited admin action. */
    ALREADY_ENROLLED,
    /**
     * The issuer's keys could not be read for as long as the verifier waits for them (hours): not the VM's fault,
     * so the only reason published as retryable — enrolling again later may succeed.
     */
    TRUST_SOURCE_UNAVAILABLE,
    /** The signed cloud account was offboarded from its tenant and not onboarded again since. */
    ACCOUNT_OFFBOARDED;

    /** Whether enrolling again later (with a fresh identity) may succeed. */
    public boolean retryable() {
        return this == TRUST_SOURCE_UNAVAILABLE;
    }
}
