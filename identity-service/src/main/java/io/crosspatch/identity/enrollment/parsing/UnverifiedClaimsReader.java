package io.crosspatch.identity.enrollment.parsing;

import com.nimbusds.jose.util.JSONObjectUtils;
import io.crosspatch.identity.enrollment.application.UnverifiedClaims;
import io.crosspatch.identity.enrollment.domain.EnrollmentRequest;
import io.crosspatch.identity.enrollment.domain.IdentityMaterial;
import io.crosspatch.identity.enrollment.domain.InvalidEnrollmentException;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.Base64;
import java.util.Map;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSTypedData;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Reads, with the JOSE and CMS parsers, which instance an identity names WITHOUT verifying anything, only to derive a stable enrollment id (so a
 * retry with a freshly read token is the same enrollment). Never used for a decision: the verifier trusts only what
 * it verified. Material that cannot be read this way falls back to itself, so the ingress stays purely syntactic
 * and the verifier gives the rejection its reason code — except a PKCS#7 carrying more certificates than any
 * cloud sends, refused here as the verifier would ({@code INVALID_IDENTITY}), so it never reaches the topic.
 */
@Component
class UnverifiedClaimsReader implements UnverifiedClaims {

    /** As many certificates as the verifier accepts in a PKCS#7: Azure carries its signer and an intermediate. */
    static final int MAX_CERTIFICATES = 4;

    @Override
    public String instanceOf(EnrollmentRequest request) {
        IdentityMaterial identity = request.identity();
        if (identity instanceof IdentityMaterial.GcpToken gcp) {
            return jwtClaims(gcp.token(), claims -> {
                Object google = claims.get("google");
                Object engine = google instanceof Map<?, ?> g ? g.get("compute_engine") : null;
                return engine instanceof Map<?, ?> e ? join(e.get("project_id"), e.get("instance_id")) : null;
            });
        }
        if (identity instanceof IdentityMaterial.VmwareToken vmware) {
            return jwtClaims(vmware.token(), claims -> join(claims.get("vcenter_id"), claims.get("sub")));
        }
        if (identity instanceof IdentityMaterial.AwsDocument aws) {
            return signedContent(aws.pkcs7(), claims -> join(claims.get("accountId"), claims.get("instanceId")));
        }
        IdentityMaterial.AzureDocument azure = (IdentityMaterial.AzureDocument) identity;
        return signedContent(
                azure.attestedDocument(), claims -> join(claims.get("subscriptionId"), claims.get("vmId")));
    }

    private interface ClaimPicker {
        @Nullable
        String pick(Map<String, Object> claims);
    }

    private static String jwtClaims(String token, ClaimPicker picker) {
        String[] parts = token.split("\\.", -1);
        try {
            String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
            return orElse(picker.pick(JSONObjectUtils.parse(payload)), token);
        } catch (IllegalArgumentException | ParseException | ArrayIndexOutOfBoundsException e) {
            return token;
        }
    }

    private static String signedContent(String base64, ClaimPicker picker) {
        try {
            CMSSignedData cms = new CMSSignedData(Base64.getMimeDecoder().decode(base64));
            if (cms.getCertificates().getMatches(null).size() > MAX_CERTIFICATES) {
                throw new InvalidEnrollmentException(
                        "INVALID_IDENTITY", "the PKCS#7 carries more than " + MAX_CERTIFICATES + " certificates");
            }
            CMSTypedData content = cms.getSignedContent();
            if (content == null || !(content.getContent() instanceof byte[] bytes)) {
                return base64;
            }
            return orElse(picker.pick(JSONObjectUtils.parse(new String(bytes, StandardCharsets.UTF_8))), base64);
        } catch (InvalidEnrollmentException e) {
            throw e;
        } catch (CMSException | ParseException | RuntimeException e) {
            return base64;
        }
    }

    private static @Nullable String join(@Nullable Object account, @Nullable Object instance) {
        return account instanceof String a && instance instanceof String i ? a + "|" + i : null;
    }

    private static String orElse(@Nullable String claims, String fallback) {
        return claims == null ? fallback : claims;
    }
}
