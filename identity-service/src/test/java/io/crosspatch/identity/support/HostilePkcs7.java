package io.crosspatch.identity.support;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * PKCS#7 SignedData shaped to hurt a parser: signed by a chain of its own (a root, intermediates, a leaf named
 * {@code metadata.azure.com}) carrying as many certificates as asked, or BER nested thousands of levels deep.
 */
public final class HostilePkcs7 {

    private static final AtomicLong SERIAL = new AtomicLong(System.currentTimeMillis());

    /** A root, {@code intermediates} CA certificates under it, and a leaf for {@code metadata.azure.com}. */
    public record Chain(
            X509Certificate root, List<X509Certificate> intermediates, X509Certificate leaf, KeyPair leafKey) {

        /** The content signed by the leaf, carrying the leaf, the intermediates and {@code extra} unrelated certificates. */
        public String sign(String content, int extra) {
            List<X509Certificate> carried = new ArrayList<>(List.of(leaf));
            carried.addAll(intermediates);
            for (int i = 0; i < extra; i++) {
                carried.add(selfSigned("CN=extra-" + i).certificate());
            }
            return HostilePkcs7.sign(content, leaf, leafKey, carried);
        }
    }

    private record Issued(X509Certificate certificate, KeyPair key) {}

    private HostilePkcs7() {}

    public static Chain chain(int intermediates) {
        Issued root = selfSigned("CN=Hostile Root");
        Issued issuer = root;
        List<X509Certificate> middle = new ArrayList<>();
        for (int i = 0; i < intermediates; i++) {
            issuer = issue(issuer, "CN=Hostile Intermediate " + i, true, null);
            middle.add(0, issuer.certificate());
        }
        Issued leaf = issue(issuer, "CN=metadata.azure.com", false, "metadata.azure.com");
        return new Chain(root.certificate(), middle, leaf.certificate(), leaf.key());
    }

    /** A SignedData of JSON {@code content} carrying {@code certificates} certificates in all. */
    public static String withCertificates(String content, int certificates) {
        return chain(0).sign(content, certificates - 1);
    }

    /** Base64 of a BER SEQUENCE of indefinite length nested {@code depth} deep, closed properly. */
    public static String nested(int depth) {
        byte[] ber = new byte[depth * 4];
        for (int i = 0; i < depth; i++) {
            ber[2 * i] = 0x30;
            ber[2 * i + 1] = (byte) 0x80;
        }
        return Base64.getEncoder().encodeToString(ber);
    }

    private static Issued selfSigned(String name) {
        return issue(null, name, true, null);
    }

    private static Issued issue(Issued issuer, String subject, boolean ca, String dnsName) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(256);
            KeyPair key = generator.generateKeyPair();
            Instant now = Instant.now();
            X500Name issuerName = new X500Name(
                    issuer == null
                            ? subject
                            : issuer.certificate().getSubjectX500Principal().getName());
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                    issuerName,
                    BigInteger.valueOf(SERIAL.incrementAndGet()),
                    Date.from(now.minus(1, ChronoUnit.DAYS)),
                    Date.from(now.plus(30, ChronoUnit.DAYS)),
                    new X500Name(subject),
                    key.getPublic());
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
            if (dnsName != null) {
                builder.addExtension(
                        Extension.subjectAlternativeName,
                        false,
                        new GeneralNames(new GeneralName(GeneralName.dNSName, dnsName)));
            }
            KeyPair signing = issuer == null ? key : issuer.key();
            X509Certificate certificate = new JcaX509CertificateConverter()
                    .getCertificate(
                            builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(signing.getPrivate())));
            return new Issued(certificate, key);
        } catch (GeneralSecurityException
                | org.bouncycastle.operator.OperatorCreationException
                | org.bouncycastle.cert.CertIOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sign(String content, X509Certificate signer, KeyPair key, List<X509Certificate> carried) {
        try {
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            generator.addSignerInfoGenerator(
                    new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
                            .build(new JcaContentSignerBuilder("SHA256withECDSA").build(key.getPrivate()), signer));
            generator.addCertificates(new JcaCertStore(carried));
            byte[] der = generator
                    .generate(new CMSProcessableByteArray(content.getBytes(StandardCharsets.UTF_8)), true)
                    .getEncoded();
            return Base64.getEncoder().encodeToString(der);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
