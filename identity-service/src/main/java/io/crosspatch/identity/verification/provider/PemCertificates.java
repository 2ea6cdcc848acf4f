package io.crosspatch.identity.verification.provider;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.io.Resource;

/**
 * Reads the X.509 certificates of a PEM file or bundle from any Spring resource location ({@code file:},
 * {@code classpath:}, {@code https:}); text between the blocks (comments naming each certificate) is ignored.
 * Trust anchors are read once, at start: a missing or unreadable file stops the service rather than rejecting
 * every VM later.
 */
final class PemCertificates {

    private static final Pattern BLOCK =
            Pattern.compile("-----BEGIN CERTIFICATE-----([A-Za-z0-9+/=\\s]+)-----END CERTIFICATE-----");

    private PemCertificates() {}

    static List<X509Certificate> read(Resource resource) {
        String text;
        try (InputStream in = resource.getInputStream()) {
            text = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read trust anchors from " + resource.getDescription(), e);
        }
        List<X509Certificate> certificates = new ArrayList<>();
        Matcher block = BLOCK.matcher(text);
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            while (block.find()) {
                byte[] der = Base64.getMimeDecoder().decode(block.group(1).strip());
                certificates.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(der)));
            }
        } catch (CertificateException | IllegalArgumentException e) {
            throw new IllegalStateException("not a valid PEM certificate in " + resource.getDescription(), e);
        }
        if (certificates.isEmpty()) {
            throw new IllegalStateException("no PEM certificate in " + resource.getDescription());
        }
        return certificates;
    }
}
