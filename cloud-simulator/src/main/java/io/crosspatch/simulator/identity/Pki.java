package io.crosspatch.simulator.identity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.jspecify.annotations.Nullable;

/**
 * The X.509 and CMS (PKCS#7) pieces the Azure and AWS identities need, on BouncyCastle: RSA 2048 keys, certificates
 * (root, intermediate, leaf with a DNS SAN, self-signed), SHA-256 SignedData with the content attached, PEM.
 */
public final class Pki {

    private static final String SIGNATURE_ALGORITHM = "SHA256withRSA";

    private Pki() {}

    /** A certificate's subject key and the certificate, which is what signs a document or issues another certificate. */
    public record Signer(KeyPair keys, X509Certificate certificate) {}

    public static KeyPair rsa2048() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA is not available", e);
        }
    }

    /** A self-signed certificate; a CA certificate (may issue others) if {@code ca}. */
    public static Signer selfSigned(X500Name name, boolean ca, Instant notBefore, Instant notAfter) {
        KeyPair keys = rsa2048();
        return new Signer(
                keys, certificate(name, keys.getPublic(), name, keys, ca ? 1 : -1, null, notBefore, notAfter));
    }

    /** A certificate issued by {@code issuer}: a CA allowed {@code pathLength} more CAs below it, or (pathLength -1) an end entity with the DNS SAN given. */
    public static Signer issue(
            Signer issuer,
            X500Name subject,
            int pathLength,
            @Nullable String dnsName,
            Instant notBefore,
            Instant notAfter) {
        KeyPair keys = rsa2048();
        X500Name issuerName = X500Name.getInstance(
                issuer.certificate().getSubjectX500Principal().getEncoded());
        return new Signer(
                keys,
                certificate(
                        subject,
                        keys.getPublic(),
                        issuerName,
                        issuer.keys(),
                        pathLength,
                        dnsName,
                        notBefore,
                        notAfter));
    }

    private static X509Certificate certificate(
            X500Name subject,
            PublicKey subjectKey,
            X500Name issuer,
            KeyPair issuerKeys,
            int pathLength,
            @Nullable String dnsName,
            Instant notBefore,
            Instant notAfter) {
        try {
            JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                            issuer,
                            new BigInteger(1, Ids.bytes(8)).add(BigInteger.ONE),
                            Date.from(notBefore),
                            Date.from(notAfter),
                            subject,
                            subjectKey)
                    .addExtension(
                            Extension.subjectKeyIdentifier, false, extensions.createSubjectKeyIdentifier(subjectKey))
                    .addExtension(
                            Extension.authorityKeyIdentifier,
                            false,
                            extensions.createAuthorityKeyIdentifier(issuerKeys.getPublic()));
            if (pathLength >= 0) {
                builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(pathLength))
                        .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            } else {
                builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                        .addExtension(
                                Extension.keyUsage,
                                true,
                                new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
            }
            if (dnsName != null) {
                builder.addExtension(
                        Extension.subjectAlternativeName,
                        false,
                        new GeneralNames(new GeneralName(GeneralName.dNSName, dnsName)));
            }
            return new JcaX509CertificateConverter()
                    .getCertificate(builder.build(
                            new JcaContentSignerBuilder(SIGNATURE_ALGORITHM).build(issuerKeys.getPrivate())));
        } catch (CertIOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("cannot issue a certificate for " + subject, e);
        }
    }

    /**
     * A CMS SignedData (PKCS#7) of {@code content}, attached, signed with SHA-256 and RSA by {@code signer}, carrying
     * the certificates given (none, for a signer the verifier must already know), and the simulated signing time.
     */
    public static byte[] signAttached(
            byte[] content, Signer signer, List<X509Certificate> certificates, Instant signingTime) {
        try {
            PrivateKey key = signer.keys().getPrivate();
            ASN1EncodableVector attributes = new ASN1EncodableVector();
            attributes.add(new Attribute(CMSAttributes.signingTime, new DERSet(new Time(Date.from(signingTime)))));
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            generator.addSignerInfoGenerator(
                    new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
                            .setSignedAttributeGenerator(
                                    new DefaultSignedAttributeTableGenerator(new AttributeTable(attributes)))
                            .build(new JcaContentSignerBuilder(SIGNATURE_ALGORITHM).build(key), signer.certificate()));
            if (!certificates.isEmpty()) {
                generator.addCertificates(new JcaCertStore(certificates));
            }
            return generator
                    .generate(new CMSProcessableByteArray(content), true)
                    .getEncoded();
        } catch (CMSException | GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException(
                    "cannot sign with " + signer.certificate().getSubjectX500Principal(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Base64 in lines of 64 characters ending in a newline, as PEM bodies and AWS's PKCS#7 endpoints have it. */
    public static String base64Lines(byte[] bytes) {
        return Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(bytes) + "\n";
    }

    public static String pem(X509Certificate certificate) {
        try {
            return "-----BEGIN CERTIFICATE-----\n" + base64Lines(certificate.getEncoded())
                    + "-----END CERTIFICATE-----\n";
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }
}
