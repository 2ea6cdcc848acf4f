package io.crosspatch.identity.verification.provider;

import io.crosspatch.identity.verification.application.ProviderVerifier;
import io.crosspatch.identity.verification.domain.CloudProvider;
import io.crosspatch.identity.verification.domain.IdentityMaterial;
import io.crosspatch.identity.verification.domain.IdentityRejectedException;
import io.crosspatch.identity.verification.domain.RejectionReason;
import io.crosspatch.identity.verification.domain.VerifiedClaims;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * EC2 instance identity documents, rsa2048 flavour: the PKCS#7 must verify with the pinned certificate of the region
 * the signed document itself names (never a certificate inside the PKCS#7, which AWS does not send anyway). Account
 * and instance come only from the signed content; a plain document sent beside it must be the same text.
 * <p>
 * The document's {@code pendingTime} is not taken as the instance's creation time: it is the time of the instance's
 * last launch and moves at every stop/start, so keying trust on first use on it would let one instance enroll again
 * after each restart. EC2 never reuses an instance id, so account and instance id alone name the instance.
 */
public final class AwsDocumentVerifier implements ProviderVerifier {

    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-[0-9]{1,2}");

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
        if (!(region instanceof String name) || !REGION.matcher(name).matches()) {
            throw new IdentityRejectedException(RejectionReason.CLAIMS_MISSING, "the signed document names no region");
        }
        X509Certificate certificate = certificateOfRegion.apply(name).orElseThrow(() -> new IdentityRejectedException(
                RejectionReason.UNTRUSTED_SIGNER, "no AWS certificate is configured for region " + name));
        if (!signed.signedBy(certificate)) {
            throw new IdentityRejectedException(RejectionReason.SIGNATURE_INVALID,
                    "the document is not signed by AWS's certificate for " + name);
        }
        if (aws.document() != null && !aws.document().strip().equals(signed.contentText().strip())) {
            throw new IdentityRejectedException(RejectionReason.DOCUMENT_MISMATCH, "the plain document differs from the signed one");
        }
        return new VerifiedClaims(CloudProvider.AWS,
                JwtRules.requiredString(document.get("accountId"), "accountId"),
                JwtRules.requiredString(document.get("instanceId"), "instanceId"),
                null, name, null, Map.of(), null, null, null, "aws:" + name);
    }
}
