package io.crosspatch.identity.verification.provider;

import io.crosspatch.identity.enrollment.domain.IdentityMaterial;
import io.crosspatch.identity.verification.application.ProviderVerifier;
import io.crosspatch.identity.verification.domain.IdentityRejectedException;
import io.crosspatch.identity.verification.domain.RejectionReason;
import io.crosspatch.identity.verification.domain.VerifiedClaims;
import io.crosspatch.kernel.CloudProvider;
import io.crosspatch.kernel.TextShape;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * EC2 instance identity documents, rsa2048 flavour: the PKCS#7 must verify with the pinned certificate of the region
 * the signed document itself names (never a certificate inside the PKCS#7, which AWS does not send anyway). Account
 * and instance come only from the signed content; a plain document sent beside it must be the same text.
 * <p>
 * The document's {@code pendingTime} is not taken as the instance's creation time: it is the time of the instance's
 * last launch and moves at every stop/start, so keying trust on first use on it would let one instance enroll again
 * after each restart. EC2 never reuses an instance id, so account and instance id alone name the instance.
 */
final class AwsDocumentVerifier implements ProviderVerifier {

    private static final int MAX_REGION_CHARS = 32;

    private final Function<String, Optional<X509Certificate>> certificateOfRegion;

    public AwsDocumentVerifier(Function<String, Optional<X509Certificate>> certificateOfRegion) {
        this.certificateOfRegion = certificateOfRegion;
    }

    @Override
    public CloudProvider provider() {
        return CloudProvider.AWS;
    }

    @Override
    public VerifiedClaims verify(IdentityMaterial material, Instant now) {
        IdentityMaterial.AwsDocument aws = (IdentityMaterial.AwsDocument) material;
        SignedData signed = SignedData.parse(aws.pkcs7());
        Map<String, Object> document = signed.json();
        Object region = document.get("region");
        if (!(region instanceof String name) || !region(name)) {
            throw new IdentityRejectedException(RejectionReason.CLAIMS_MISSING, "the signed document names no region");
        }
        X509Certificate certificate = certificateOfRegion
                .apply(name)
                .orElseThrow(() -> new IdentityRejectedException(
                        RejectionReason.UNTRUSTED_SIGNER, "no AWS certificate is configured for region " + name));
        if (!signed.signedBy(certificate)) {
            throw new IdentityRejectedException(
                    RejectionReason.SIGNATURE_INVALID, "the document is not signed by AWS's certificate for " + name);
        }
        if (aws.document() != null
                && !aws.document().strip().equals(signed.contentText().strip())) {
            throw new IdentityRejectedException(
                    RejectionReason.DOCUMENT_MISMATCH, "the plain document differs from the signed one");
        }
        return new VerifiedClaims(
                CloudProvider.AWS,
                JwtRules.requiredString(document.get("accountId"), "accountId"),
                JwtRules.requiredString(document.get("instanceId"), "instanceId"),
                null,
                name,
                null,
                Map.of(),
                null,
                null,
                null,
                "aws:" + name);
    }

    /**
     * As {@code [a-z]{2}(-[a-z]+)+-[0-9]{1,2}} but one pass after a length check: the region is read before the
     * signature is checked, so whoever sends the document chooses it.
     */
    static boolean region(String name) {
        if (!TextShape.of(name, 6, MAX_REGION_CHARS, TextShape.LOWER_ALNUM.or("-"))) {
            return false;
        }
        String[] parts = name.split("-", -1);
        if (parts.length < 3
                || !TextShape.of(parts[0], 2, 2, TextShape.LOWER)
                || !TextShape.of(parts[parts.length - 1], 1, 2, TextShape.DIGIT)) {
            return false;
        }
        for (int i = 1; i < parts.length - 1; i++) {
            if (!TextShape.of(parts[i], 1, MAX_REGION_CHARS, TextShape.LOWER)) {
                return false;
            }
        }
        return true;
    }
}
