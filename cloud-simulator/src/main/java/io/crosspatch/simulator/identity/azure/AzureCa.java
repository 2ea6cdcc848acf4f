package io.crosspatch.simulator.identity.azure;

import io.crosspatch.simulator.identity.Lazy;
import io.crosspatch.simulator.identity.Pki;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.bouncycastle.asn1.x500.X500Name;

/**
 * A certificate hierarchy like the one Azure signs attested documents with: a root, an issuing intermediate, and a
 * leaf per DNS name ({@code metadata.azure.com} normally; other names only for forged documents). The foreign
 * hierarchy used for forgeries has the same names, so only the keys tell them apart, as with a real attacker.
 */
final class AzureCa {

    private static final X500Name ROOT =
            new X500Name("CN=Crosspatch Simulated Azure Root CA, O=Crosspatch Simulator, C=US");
    private static final X500Name INTERMEDIATE =
            new X500Name("CN=Crosspatch Simulated Azure TLS Issuing CA 01, O=Crosspatch Simulator, C=US");

    private final Instant validFrom;
    private final Instant validUntil;
    private final Lazy<Pki.Signer> root;
    private final Lazy<Pki.Signer> intermediate;
    private final Map<String, Pki.Signer> leaves = new ConcurrentHashMap<>();

    AzureCa(Instant validFrom, Instant validUntil) {
        this.validFrom = validFrom;
        this.validUntil = validUntil;
        this.root = new Lazy<>(() -> Pki.selfSigned(ROOT, true, validFrom, validUntil));
        this.intermediate = new Lazy<>(() -> Pki.issue(root.get(), INTERMEDIATE, 0, null, validFrom, validUntil));
    }

    X509Certificate rootCertificate() {
        return root.get().certificate();
    }

    /** Signs {@code content} with the leaf for {@code dnsName}; the SignedData carries the leaf and the intermediate. */
    byte[] sign(byte[] content, String dnsName, Instant signingTime) {
        Pki.Signer leaf = leaves.computeIfAbsent(
                dnsName,
                name -> Pki.issue(
                        intermediate.get(),
                        new X500Name("CN=" + name + ", O=Crosspatch Simulator"),
                        -1,
                        name,
                        validFrom,
                        validUntil));
        return Pki.signAttached(
                content, leaf, List.of(leaf.certificate(), intermediate.get().certificate()), signingTime);
    }
}
