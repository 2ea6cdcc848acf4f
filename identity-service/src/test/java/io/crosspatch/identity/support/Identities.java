package io.crosspatch.identity.support;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * Identity material with the real shapes (RS256 compact JWTs, base64 PKCS#7 SignedData around a JSON document),
 * signed by a key of this test run. The ingress checks only shapes, so these stand for any cloud's material; the
 * verifier's own tests use the cloud simulator's trusted keys.
 */
public final class Identities {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final KeyPair KEYS = rsa();
    private static final X509Certificate CERTIFICATE = selfSigned(KEYS);

    private Identities() {}

    public static String gcpToken(String projectId, String instanceId) {
        Instant now = Instant.now();
        return jwt(new JWTClaimsSet.Builder()
                .issuer("https://accounts.google.com")
                .audience("https://crosspatch.test")
                .subject("1234567890")
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(55))))
                .claim(
                        "google",
                        Map.of(
                                "compute_engine",
                                Map.of(
                                        "project_id",
                                        projectId,
                                        "instance_id",
                                        instanceId,
                                        "instance_name",
                                        "web-1",
                                        "zone",
                                        "europe-west1-b",
                                        "instance_creation_timestamp",
                                        now.getEpochSecond() - 3600)))
                .jwtID(UUID.randomUUID().toString())
                .build());
    }

    public static String vmwareToken(String vcenterId, String instanceUuid) {
        Instant now = Instant.now();
        return jwt(new JWTClaimsSet.Builder()
                .issuer("https://vcenter.test/" + vcenterId)
                .audience(List.of("crosspatch"))
                .subject(instanceUuid)
                .claim("vcenter_id", vcenterId)
                .claim("vm_name", "db-1")
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(30))))
                .jwtID(UUID.randomUUID().toString())
                .build());
    }

    public static String awsPkcs7(String accountId, String instanceId) {
        return pkcs7("{\"accountId\":\"" + accountId + "\",\"instanceId\":\"" + instanceId
                + "\",\"region\":\"eu-west-1\",\"pendingTime\":\"" + Instant.now() + "\"}");
    }

    public static String azureDocument(String subscriptionId, String vmId, String nonce) {
        return pkcs7("{\"nonce\":\"" + nonce + "\",\"subscriptionId\":\"" + subscriptionId + "\",\"vmId\":\"" + vmId
                + "\",\"timeStamp\":{\"createdOn\":\"" + Instant.now() + "\"}}");
    }

    /** 32 random bytes, base64url without padding: what the startup script makes. */
    public static String secret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static String digits(int length) {
        StringBuilder digits = new StringBuilder();
        for (int i = 0; i < length; i++) {
            digits.append(RANDOM.nextInt(10));
        }
        return digits.toString();
    }

    private static String jwt(JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(
                    new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("test-key").build(), claims);
            jwt.sign(new RSASSASigner(KEYS.getPrivate()));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String pkcs7(String document) {
        try {
            ContentSigner signer = new JcaContentSignerBuilder("SHA256withRSA").build(KEYS.getPrivate());
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            generator.addSignerInfoGenerator(
                    new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
                            .build(signer, CERTIFICATE));
            generator.addCertificates(new JcaCertStore(List.of(CERTIFICATE)));
            byte[] signed = generator
                    .generate(new CMSProcessableByteArray(document.getBytes(StandardCharsets.UTF_8)), true)
                    .getEncoded();
            return Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                    .encodeToString(signed);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair rsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static X509Certificate selfSigned(KeyPair keys) {
        try {
            X500Name name = new X500Name("CN=metadata.test");
            Instant now = Instant.now();
            ContentSigner signer = new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate());
            return new JcaX509CertificateConverter()
                    .getCertificate(new JcaX509v3CertificateBuilder(
                                    name,
                                    BigInteger.valueOf(now.toEpochMilli()),
                                    Date.from(now.minus(Duration.ofDays(1))),
                                    Date.from(now.plus(Duration.ofDays(30))),
                                    name,
                                    keys.getPublic())
                            .build(signer));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
