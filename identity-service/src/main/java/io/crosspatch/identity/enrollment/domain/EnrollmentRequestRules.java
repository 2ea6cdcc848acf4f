package io.crosspatch.identity.enrollment.domain;

import io.crosspatch.identity.challenge.domain.Challenge;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The ingress's synchronous checks: shape and size only, so they are cheap and cannot be used to make the service
 * do expensive work. Signatures, claims and tenants are the verifier's business. Each class of problem has its own
 * stable code; messages name the field, never echo the value.
 */
public final class EnrollmentRequestRules {

    public static final int MAX_TOKEN_CHARS = 16 * 1024;
    public static final int MAX_PKCS7_CHARS = 32 * 1024;
    public static final int MAX_DOCUMENT_CHARS = 8 * 1024;
    public static final int MAX_LABELS = 64;
    public static final int MAX_LABEL_VALUE_CHARS = 256;

    private static final Pattern COMPACT_JWT = Pattern.compile("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*");
    private static final Pattern BASE64 = Pattern.compile("[A-Za-z0-9+/\\r\\n]+={0,2}[\\r\\n]*");
    private static final Pattern HOSTNAME_LABEL = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?");
    private static final Pattern OS_TEXT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._+ -]{0,31}");
    private static final Pattern LABEL_KEY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/-]{0,62}");
    private static final Pattern SECRET = Pattern.compile("[A-Za-z0-9_-]{43}");

    private EnrollmentRequestRules() {
    }

    /** The request if every field has the documented shape; otherwise an {@link InvalidEnrollmentException}. */
    public static EnrollmentRequest check(String provider, IdentityMaterial identity, HostFacts host,
            Map<String, String> labels, String secret) {
        CloudProvider cloud = provider(provider);
        if (identity == null) {
            throw new InvalidEnrollmentException("MISSING_FIELD", "identity is required");
        }
        checkIdentity(cloud, identity);
        checkHost(host);
        checkLabels(labels);
        checkSecret(secret);
        return new EnrollmentRequest(cloud, identity, host, labels, secret);
    }

    private static CloudProvider provider(String provider) {
        if (provider == null) {
            throw new InvalidEnrollmentException("MISSING_FIELD", "provider is required");
        }
        return CloudProvider.ofWireName(provider).orElseThrow(() -> new InvalidEnrollmentException(
                "UNKNOWN_PROVIDER", "provider must be one of gcp, azure, aws, vmware"));
    }

    private static void checkIdentity(CloudProvider provider, IdentityMaterial identity) {
        switch (provider) {
            case GCP, VMWARE -> {
                onlyThese(provider, identity.attestedDocument(), identity.nonce(), identity.pkcs7(), identity.document());
                jwt(identity.token());
            }
            case AZURE -> {
                onlyThese(provider, identity.token(), identity.pkcs7(), identity.document());
                base64("identity.attestedDocument", identity.attestedDocument(), MAX_PKCS7_CHARS);
                if (identity.nonce() == null) {
                    throw new InvalidEnrollmentException("MISSING_FIELD", "identity.nonce is required for azure");
                }
                if (!Challenge.wellFormed(identity.nonce())) {
                    throw new InvalidEnrollmentException("INVALID_NONCE", "identity.nonce must be a challenge from POST /v1/challenges");
                }
            }
            case AWS -> {
                onlyThese(provider, identity.token(), identity.attestedDocument(), identity.nonce());
                base64("identity.pkcs7", identity.pkcs7(), MAX_PKCS7_CHARS);
                if (identity.document() != null && (identity.document().length() > MAX_DOCUMENT_CHARS
                        || !printable(identity.document(), true))) {
                    throw new InvalidEnrollmentException("INVALID_IDENTITY", "identity.document must be a short JSON text");
                }
            }
            default -> throw new IllegalStateException("unhandled provider " + provider);
        }
    }

    private static void onlyThese(CloudProvider provider, String... foreignFields) {
        for (String field : foreignFields) {
            if (field != null) {
                throw new InvalidEnrollmentException("INVALID_IDENTITY",
                        "identity carries fields that do not belong to a " + provider.wireName() + " identity");
            }
        }
    }

    private static void jwt(String token) {
        if (token == null) {
            throw new InvalidEnrollmentException("MISSING_FIELD", "identity.token is required");
        }
        if (token.length() > MAX_TOKEN_CHARS || !COMPACT_JWT.matcher(token).matches()) {
            throw new InvalidEnrollmentException("INVALID_IDENTITY", "identity.token must be a compact JWT");
        }
    }

    private static void base64(String field, String value, int maxChars) {
        if (value == null) {
            throw new InvalidEnrollmentException("MISSING_FIELD", field + " is required");
        }
        if (value.length() > maxChars || !BASE64.matcher(value).matches()) {
            throw new InvalidEnrollmentException("INVALID_IDENTITY", field + " must be base64");
        }
    }

    private static void checkHost(HostFacts host) {
        if (host == null || host.hostname() == null) {
            throw new InvalidEnrollmentException("MISSING_FIELD", "host.hostname is required");
        }
        if (!hostname(host.hostname())) {
            throw new InvalidEnrollmentException("INVALID_HOSTNAME", "host.hostname must be an RFC 1123 host name");
        }
        if (host.osFamily() == null) {
            throw new InvalidEnrollmentException("MISSING_FIELD", "host.os.family is required");
        }
        if (!OS_TEXT.matcher(host.osFamily()).matches()
                || (host.osVersion() != null && !OS_TEXT.matcher(host.osVersion()).matches())) {
            throw new InvalidEnrollmentException("INVALID_OS", "host.os.family and version must be short printable words");
        }
    }

    static boolean hostname(String hostname) {
        if (hostname.isEmpty() || hostname.length() > 253) {
            return false;
        }
        String name = hostname.endsWith(".") ? hostname.substring(0, hostname.length() - 1) : hostname;
        for (String label : name.split("\\.", -1)) {
            if (!HOSTNAME_LABEL.matcher(label).matches()) {
                return false;
            }
        }
        return true;
    }

    private static void checkLabels(Map<String, String> labels) {
        if (labels == null) {
            return;
        }
        if (labels.size() > MAX_LABELS) {
            throw new InvalidEnrollmentException("INVALID_LABELS", "at most " + MAX_LABELS + " labels");
        }
        labels.forEach((key, value) -> {
            if (key == null || !LABEL_KEY.matcher(key).matches()) {
                throw new InvalidEnrollmentException("INVALID_LABELS", "label keys are 1-63 letters, digits, '.', '_', '/', '-'");
            }
            if (value == null || value.length() > MAX_LABEL_VALUE_CHARS || !printable(value, false)) {
                throw new InvalidEnrollmentException("INVALID_LABELS",
                        "label values are strings of at most " + MAX_LABEL_VALUE_CHARS + " printable characters");
            }
        });
    }

    private static void checkSecret(String secret) {
        if (secret == null) {
            throw new InvalidEnrollmentException("MISSING_FIELD", "enrollmentSecret is required");
        }
        if (!SECRET.matcher(secret).matches()) {
            throw new InvalidEnrollmentException("INVALID_SECRET", "enrollmentSecret must be 43 base64url characters (32 random bytes)");
        }
    }

    private static boolean printable(String text, boolean lineBreaksAllowed) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean lineBreak = c == '\n' || c == '\r' || c == '\t';
            if (Character.isISOControl(c) && !(lineBreaksAllowed && lineBreak)) {
                return false;
            }
            if (c == '\u2028' || c == '\u2029' || Character.getType(c) == Character.FORMAT) {
                return false;
            }
        }
        return true;
    }
}
