package io.crosspatch.simulator.identity;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;

/**
 * A PKCS#7 SignedData as a verifier sees it, checked with BouncyCastle and the JDK's PKIX validator the way
 * identity-service checks Azure's and AWS's documents.
 */
final class Pkcs7 {

    private final CMSSignedData signed;

    private Pkcs7(CMSSignedData signed) {
        this.signed = signed;
    }

    /** Parses base64 with or without line breaks (AWS's rsa2048 answer has them, Azure's signature does not). */
    static Pkcs7 parse(String base64) throws CMSException {
        return new Pkcs7(new CMSSignedData(Base64.getMimeDecoder().decode(base64)));
    }

    static X509Certificate certificate(String pem) throws Exception {
        return (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
    }

    int signerCount() {
        return signed.getSignerInfos().size();
    }

    String content() {
        return new String((byte[]) signed.getSignedContent().getContent(), StandardCharsets.UTF_8);
    }

    /** Whether the only signer's signature verifies with this certificate's key. */
    boolean signedBy(X509Certificate certificate) {
        try {
            return signer().verify(new JcaSimpleSignerInfoVerifierBuilder().build(certificate));
        } catch (Exception e) {
            return false;
        }
    }

    /** The certificate carried in the SignedData that names the signer. */
    X509Certificate signerCertificate() throws Exception {
        @SuppressWarnings("unchecked")
        X509CertificateHolder holder = (X509CertificateHolder) signed.getCertificates()
                .getMatches(signer().getSID())
                .iterator()
                .next();
        return new JcaX509CertificateConverter().getCertificate(holder);
    }

    /** Every certificate carried in the SignedData except the signer's: the chain offered up to the root. */
    List<X509Certificate> otherCertificates() throws Exception {
        X509Certificate leaf = signerCertificate();
        List<X509Certificate> others = new ArrayList<>();
        for (Object holder : signed.getCertificates().getMatches(null)) {
            X509Certificate certificate =
                    new JcaX509CertificateConverter().getCertificate((X509CertificateHolder) holder);
            if (!certificate.equals(leaf)) {
                others.add(certificate);
            }
        }
        return others;
    }

    /** PKIX path validation of the signer's certificate through the carried chain to {@code root}, revocation off. */
    void validateChainTo(X509Certificate root, Date at) throws Exception {
        List<X509Certificate> path = new ArrayList<>();
        path.add(signerCertificate());
        path.addAll(otherCertificates());
        PKIXParameters parameters = new PKIXParameters(Set.of(new TrustAnchor(root, null)));
        parameters.setRevocationEnabled(false);
        parameters.setDate(at);
        CertPathValidator.getInstance("PKIX")
                .validate(CertificateFactory.getInstance("X.509").generateCertPath(path), parameters);
    }

    private SignerInformation signer() {
        return signed.getSignerInfos().getSigners().iterator().next();
    }
}
