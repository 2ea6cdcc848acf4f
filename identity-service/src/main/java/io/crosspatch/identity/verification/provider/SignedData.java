package io.crosspatch.identity.verification.provider;

import com.nimbusds.jose.util.JSONObjectUtils;
import io.crosspatch.identity.verification.domain.IdentityRejectedException;
import io.crosspatch.identity.verification.domain.RejectionReason;
import io.crosspatch.kernel.DerNesting;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;

/**
 * A PKCS#7 (CMS) SignedData with attached content and exactly one signer, as Azure's attested documents and
 * AWS's rsa2048 identity documents are. Reading it trusts nothing: the signer's certificate is chosen and checked
 * by the caller, and only then is {@link #json()} worth anything.
 *
 * <p>What the parser is given is bounded before it runs, since an attacker chooses every byte: at most
 * {@link #MAX_BASE64_CHARS} characters of base64 (what the ingress lets through), nesting no deeper than
 * {@link #MAX_NESTING} (the parser recurses per level), and at most {@link #MAX_CERTIFICATES} certificates carried
 * (each is a candidate for chain building). Azure carries its signer and perhaps an intermediate; AWS carries none.
 */
final class SignedData {

    static final int MAX_BASE64_CHARS = 32 * 1024;
    static final int MAX_NESTING = 32;
    static final int MAX_CERTIFICATES = 4;

    private static final JcaX509CertificateConverter CERTIFICATES = new JcaX509CertificateConverter();

    private final CMSSignedData cms;
    private final SignerInformation signer;
    private final byte[] content;

    private SignedData(CMSSignedData cms, SignerInformation signer, byte[] content) {
        this.cms = cms;
        this.signer = signer;
        this.content = content;
    }

    /** Decodes base64 (with or without line breaks) and parses; anything else than one signer and content is refused. */
    static SignedData parse(String base64) {
        if (base64 != null && base64.length() > MAX_BASE64_CHARS) {
            throw new IdentityRejectedException(
                    RejectionReason.MALFORMED_IDENTITY,
                    "the signature is longer than " + MAX_BASE64_CHARS + " characters");
        }
        byte[] der;
        try {
            der = Base64.getMimeDecoder().decode(base64 == null ? "" : base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IdentityRejectedException(RejectionReason.MALFORMED_IDENTITY, "the signature is not base64");
        }
        if (!DerNesting.atMost(der, MAX_NESTING)) {
            throw new IdentityRejectedException(
                    RejectionReason.MALFORMED_IDENTITY,
                    "the signature nests deeper than " + MAX_NESTING + " levels; no PKCS#7 SignedData does");
        }
        CMSSignedData cms;
        try {
            cms = new CMSSignedData(der);
        } catch (CMSException | RuntimeException e) {
            throw new IdentityRejectedException(
                    RejectionReason.MALFORMED_IDENTITY, "the signature is not a PKCS#7 SignedData");
        }
        if (cms.getSignedContent() == null || !(cms.getSignedContent().getContent() instanceof byte[] bytes)) {
            throw new IdentityRejectedException(
                    RejectionReason.MALFORMED_IDENTITY, "the PKCS#7 carries no signed content");
        }
        int carried;
        try {
            carried = cms.getCertificates().getMatches(null).size();
        } catch (RuntimeException e) {
            throw new IdentityRejectedException(
                    RejectionReason.MALFORMED_IDENTITY, "the PKCS#7 carries an unreadable certificate");
        }
        if (carried > MAX_CERTIFICATES) {
            throw new IdentityRejectedException(
                    RejectionReason.MALFORMED_IDENTITY,
                    "the PKCS#7 carries more than " + MAX_CERTIFICATES + " certificates");
        }
        Collection<SignerInformation> signers = cms.getSignerInfos().getSigners();
        if (signers.size() != 1) {
            throw new IdentityRejectedException(
                    RejectionReason.UNTRUSTED_SIGNER,
                    "the PKCS#7 has " + signers.size() + " signers; exactly one is accepted");
        }
        return new SignedData(cms, signers.iterator().next(), bytes);
    }

    /** The certificates the SignedData carries that name its signer (its issuer and serial, or key id). */
    List<X509Certificate> signerCertificates() {
        @SuppressWarnings("unchecked")
        Collection<X509CertificateHolder> matches = cms.getCertificates().getMatches(signer.getSID());
        return convert(matches);
    }

    /** Every certificate the SignedData carries (candidate intermediates; never trusted for themselves). */
    List<X509Certificate> certificates() {
        @SuppressWarnings("unchecked")
        Collection<X509CertificateHolder> all = cms.getCertificates().getMatches(null);
        return convert(all);
    }

    private static List<X509Certificate> convert(Collection<X509CertificateHolder> holders) {
        List<X509Certificate> certificates = new ArrayList<>(holders.size());
        for (X509CertificateHolder holder : holders) {
            try {
                certificates.add(CERTIFICATES.getCertificate(holder));
            } catch (CertificateException e) {
                throw new IdentityRejectedException(
                        RejectionReason.MALFORMED_IDENTITY, "the PKCS#7 carries an unreadable certificate");
            }
        }
        return certificates;
    }

    /** Whether the one signer's signature over the content verifies with {@code certificate}'s key. */
    boolean signedBy(X509Certificate certificate) {
        try {
            return signer.verify(new JcaSimpleSignerInfoVerifierBuilder().build(certificate));
        } catch (CMSException | OperatorCreationException | RuntimeException e) {
            return false;
        }
    }

    String contentText() {
        return new String(content, StandardCharsets.UTF_8);
    }

    /** The signed content as a JSON object. */
    Map<String, Object> json() {
        try {
            return JSONObjectUtils.parse(contentText());
        } catch (java.text.ParseException e) {
            throw new IdentityRejectedException(
                    RejectionReason.MALFORMED_IDENTITY, "the signed content is not a JSON object");
        }
    }
}
