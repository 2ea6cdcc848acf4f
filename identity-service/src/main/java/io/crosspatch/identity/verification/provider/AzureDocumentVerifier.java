package io.crosspatch.identity.verification.provider;

import io.crosspatch.identity.enrollment.domain.IdentityMaterial;
import io.crosspatch.identity.verification.application.ProviderVerifier;
import io.crosspatch.identity.verification.domain.IdentityRejectedException;
import io.crosspatch.identity.verification.domain.RejectionReason;
import io.crosspatch.identity.verification.domain.VerifiedClaims;
import io.crosspatch.kernel.CloudProvider;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.CertPathBuilder;
import java.security.cert.CertStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateParsingException;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.PKIXCertPathBuilderResult;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CertSelector;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Azure IMDS attested documents: one signer, whose certificate (carried in the PKCS#7) has a DNS SAN that is a
 * configured signer name or a subdomain of one, chains to a configured root (the PKCS#7's other certificates are
 * only candidate intermediates), and verifies the signature. The signed JSON must name a subscription and vmId, be
 * recently created, and sign the nonce the request carries — which the application service then uses up. Azure
 * signs every document with a handful of certificates, so a chain once built is remembered by the signer
 * certificate's fingerprint until the first certificate of the chain expires.
 */
final class AzureDocumentVerifier implements ProviderVerifier {

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("MM/dd/yy HH:mm:ss", Locale.ROOT);
    private static final int DNS_NAME = 2;
    private static final int MAX_REMEMBERED_CHAINS = 1_000;
    /** Intermediates allowed between the signer and a root: Azure's chains have one. */
    static final int MAX_INTERMEDIATES = 2;

    private final Set<TrustAnchor> roots;
    private final List<String> signerNames;
    private final Duration maxAge;
    private final Duration skew;
    /** Signer certificates (by SHA-256) whose chain to a trusted root was built, and until when that chain is valid. */
    private final Map<String, Instant> validatedChains = new ConcurrentHashMap<>();

    public AzureDocumentVerifier(
            Collection<X509Certificate> roots, List<String> signerNames, Duration maxAge, Duration skew) {
        this.roots = roots.stream().map(root -> new TrustAnchor(root, null)).collect(Collectors.toUnmodifiableSet());
        this.signerNames =
                signerNames.stream().map(name -> name.toLowerCase(Locale.ROOT)).toList();
        this.maxAge = maxAge;
        this.skew = skew;
    }

    @Override
    public CloudProvider provider() {
        return CloudProvider.AZURE;
    }

    @Override
    public VerifiedClaims verify(IdentityMaterial material, Instant now) {
        IdentityMaterial.AzureDocument azure = (IdentityMaterial.AzureDocument) material;
        SignedData signed = SignedData.parse(azure.attestedDocument());
        List<X509Certificate> signerCertificates = signed.signerCertificates();
        if (signerCertificates.size() != 1) {
            throw new IdentityRejectedException(
                    RejectionReason.UNTRUSTED_SIGNER, "the PKCS#7 does not carry its signer's certificate");
        }
        X509Certificate signer = signerCertificates.get(0);
        requireSignerName(signer);
        requireChain(signer, signed.certificates(), now);
        if (!signed.signedBy(signer)) {
            throw new IdentityRejectedException(
                    RejectionReason.SIGNATURE_INVALID, "the attested document's signature does not verify");
        }
        Map<String, Object> document = signed.json();
        checkTimes(document, now);
        Object nonce = document.get("nonce");
        if (!(nonce instanceof String signedNonce) || !signedNonce.equals(azure.nonce())) {
            throw new IdentityRejectedException(
                    RejectionReason.NONCE_INVALID, "the document does not sign the request's nonce");
        }
        String subscription = JwtRules.requiredString(document.get("subscriptionId"), "subscriptionId")
                .toLowerCase(Locale.ROOT);
        String vmId = JwtRules.requiredString(document.get("vmId"), "vmId");
        return new VerifiedClaims(
                CloudProvider.AZURE,
                subscription,
                vmId,
                null,
                null,
                null,
                Map.of(),
                timestamp(document, "expiresOn"),
                signedNonce,
                null,
                signer.getSubjectX500Principal().getName());
    }

    private void requireSignerName(X509Certificate signer) {
        Collection<List<?>> names;
        try {
            names = signer.getSubjectAlternativeNames();
        } catch (CertificateParsingException e) {
            names = null;
        }
        boolean trusted = names != null
                && names.stream()
                        .filter(name -> name.size() == 2
                                && Integer.valueOf(DNS_NAME).equals(name.get(0))
                                && name.get(1) instanceof String)
                        .map(name -> ((String) name.get(1)).toLowerCase(Locale.ROOT))
                        .anyMatch(dns -> signerNames.stream()
                                .anyMatch(allowed -> dns.equals(allowed) || dns.endsWith("." + allowed)));
        if (!trusted) {
            throw new IdentityRejectedException(
                    RejectionReason.UNTRUSTED_SIGNER,
                    "the signer certificate is not issued to " + String.join(" or ", signerNames));
        }
    }

    private void requireChain(X509Certificate signer, List<X509Certificate> carried, Instant now) {
        if (roots.isEmpty()) {
            throw new IdentityRejectedException(
                    RejectionReason.UNTRUSTED_SIGNER, "no Azure trust anchors are configured");
        }
        String fingerprint = fingerprint(signer);
        Instant chainValidUntil = validatedChains.get(fingerprint);
        if (chainValidUntil != null
                && now.isBefore(chainValidUntil)
                && !signer.getNotBefore().toInstant().isAfter(now)) {
            return;
        }
        try {
            X509CertSelector target = new X509CertSelector();
            target.setCertificate(signer);
            PKIXBuilderParameters parameters = new PKIXBuilderParameters(roots, target);
            parameters.setRevocationEnabled(false);
            parameters.setMaxPathLength(MAX_INTERMEDIATES);
            parameters.setDate(Date.from(now));
            parameters.addCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(carried)));
            PKIXCertPathBuilderResult path = (PKIXCertPathBuilderResult)
                    CertPathBuilder.getInstance("PKIX").build(parameters);
            remember(fingerprint, path);
        } catch (GeneralSecurityException e) {
            throw new IdentityRejectedException(
                    RejectionReason.UNTRUSTED_SIGNER, "the signer certificate does not chain to a trusted root");
        }
    }

    /** A chain once built stays good until the first of its certificates expires (the root included). */
    private void remember(String fingerprint, PKIXCertPathBuilderResult path) {
        Instant until = path.getTrustAnchor().getTrustedCert().getNotAfter().toInstant();
        for (Certificate certificate : path.getCertPath().getCertificates()) {
            Instant notAfter = ((X509Certificate) certificate).getNotAfter().toInstant();
            until = notAfter.isBefore(until) ? notAfter : until;
        }
        if (validatedChains.size() >= MAX_REMEMBERED_CHAINS) {
            validatedChains.clear();
        }
        validatedChains.put(fingerprint, until);
    }

    private static String fingerprint(X509Certificate certificate) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IdentityRejectedException(
                    RejectionReason.MALFORMED_IDENTITY, "the signer certificate cannot be encoded");
        }
    }

    private void checkTimes(Map<String, Object> document, Instant now) {
        Instant created = timestamp(document, "createdOn");
        if (created == null) {
            throw new IdentityRejectedException(
                    RejectionReason.CLAIMS_MISSING, "the document has no timeStamp.createdOn");
        }
        if (created.isAfter(now.plus(skew))) {
            throw new IdentityRejectedException(
                    RejectionReason.TOKEN_NOT_YET_VALID, "the document was created in the future (" + created + ")");
        }
        if (created.isBefore(now.minus(maxAge).minus(skew))) {
            throw new IdentityRejectedException(
                    RejectionReason.TOKEN_EXPIRED,
                    "the document was created at " + created + ", more than " + maxAge.toMinutes() + " minutes ago");
        }
        Instant expires = timestamp(document, "expiresOn");
        if (expires != null && expires.isBefore(now.minus(skew))) {
            throw new IdentityRejectedException(RejectionReason.TOKEN_EXPIRED, "the document expired at " + expires);
        }
    }

    /** Azure writes {@code MM/dd/yy HH:mm:ss -0000} (UTC). */
    private static @Nullable Instant timestamp(Map<String, Object> document, String field) {
        Object stamps = document.get("timeStamp");
        Object value = stamps instanceof Map<?, ?> map ? map.get(field) : null;
        if (!(value instanceof String text)) {
            return null;
        }
        String local = text.strip();
        if (local.endsWith(" -0000") || local.endsWith(" +0000")) {
            local = local.substring(0, local.length() - 6);
        }
        try {
            return LocalDateTime.parse(local, TIMESTAMP).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new IdentityRejectedException(
                    RejectionReason.CLAIMS_MISSING, "the document's timeStamp." + field + " is not a time");
        }
    }
}
