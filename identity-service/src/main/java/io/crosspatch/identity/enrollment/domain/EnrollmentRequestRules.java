package io.crosspatch.identity.enrollment.domain;

import static io.crosspatch.kernel.TextShape.ALNUM;
import static io.crosspatch.kernel.TextShape.BASE64URL;

import io.crosspatch.identity.challenge.domain.Challenge;
import io.crosspatch.kernel.CloudProvider;
import io.crosspatch.kernel.DerNesting;
import io.crosspatch.kernel.TextShape;
import io.crosspatch.kernel.TextShape.Chars;
import java.util.Base64;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The ingress's synchronous checks: shape and size only, so they are cheap and cannot be used to make the service
 * do expensive work. Signatures, claims and tenants are the verifier's business. Each class of problem has its own
 * stable code; messages name the field, never echo the value.
 *
 * <p>Every check is one pass over the characters after a length check ({@link TextShape}), never a regular
 * expression: a backtracking pattern on a near-miss (32 K newlines and one bad character in a PKCS#7 field) cost
 * seconds of CPU per request.
 */
public final class EnrollmentRequestRules {

    public static final int MAX_TOKEN_CHARS = 16 * 1024;
    public static final int MAX_PKCS7_CHARS = 32 * 1024;
    public static final int MAX_DOCUMENT_CHARS = 8 * 1024;
    public static final int MAX_LABELS = 64;
    public static final int MAX_LABEL_VALUE_CHARS = 256;
    public static final int MAX_TOKEN_HEADER_CHARS = 2 * 1024;
    public static final int MAX_TOKEN_CLAIMS_CHARS = 12 * 1024;

    public static final int MAX_HOSTNAME_CHARS = 253;
    /** Constructed values a PKCS#7 may nest (a real one with its certificates nests about a dozen). */
    public static final int MAX_PKCS7_NESTING = 32;

    private static final int MAX_HOSTNAME_LABEL_CHARS = 63;
    private static final int MAX_OS_TEXT_CHARS = 32;
    private static final int MAX_LABEL_KEY_CHARS = 63;
    private static final int SECRET_CHARS = 43;

    private static final Chars LINE_BREAK = c -> c == '\r' || c == '\n';
    private static final Chars BASE64_OR_LINE_BREAK = ALNUM.or("+/\r\n");
    private static final Chars OS_TEXT = ALNUM.or("._+ -");
    private static final Chars LABEL_KEY = ALNUM.or("._/-");
    private static final Chars HOSTNAME_INNER = ALNUM.or("-");

    private EnrollmentRequestRules() {}

    /**
     * The request and its secret if every field has the documented shape; otherwise an
     * {@link InvalidEnrollmentException}.
     */
    public static Submission check(
            String provider,
            @Nullable IdentityMaterial identity,
            @Nullable HostFacts host,
            Map<String, String> labels,
            String secret) {
        return check(provider(provider), identity, host, labels, secret);
    }

    /** As {@link #check(String, IdentityMaterial, HostFacts, Map, String)}, for a provider already read. */
    public static Submission check(
            CloudProvider cloud,
            @Nullable IdentityMaterial identity,
            @Nullable HostFacts host,
            Map<String, String> labels,
            String secret) {
        if (identity == null) {
            throw new InvalidEnrollmentException("MISSING_FIELD", "identity is required");
        }
        checkIdentity(cloud, identity);
        HostFacts checkedHost = checkHost(host);
        checkLabels(labels);
        checkSecret(secret);
        return new Submission(new EnrollmentRequest(cloud, identity, checkedHost, labels), secret);
    }

    /** The provider of that wire name; {@code MISSING_FIELD} or {@code UNKNOWN_PROVIDER} otherwise. */
    public static CloudProvider provider(String provider) {
        if (provider == null) {
            throw new InvalidEnrollmentException("MISSING_FIELD", "provider is required");
        }
        return CloudProvider.ofWireName(provider)
                .orElseThrow(() -> new InvalidEnrollmentException(
                        "UNKNOWN_PROVIDER", "provider must be one of gcp, azure, aws, vmware"));
    }

    private static void checkIdentity(CloudProvider provider, IdentityMaterial identity) {
        if (identity.provider() != provider) {
            throw notOf(provider);
        }
        if (identity instanceof IdentityMaterial.GcpToken gcp) {
            jwt(gcp.token());
        } else if (identity instanceof IdentityMaterial.VmwareToken vmware) {
            jwt(vmware.token());
        } else if (identity instanceof IdentityMaterial.AzureDocument azure) {
            azureDocument(azure);
        } else {
            awsDocument((IdentityMaterial.AwsDocument) identity);
        }
    }

    private static void azureDocument(IdentityMaterial.AzureDocument azure) {
        base64("identity.attestedDocument", azure.attestedDocument(), MAX_PKCS7_CHARS);
        if (azure.nonce() == null) {
            throw new InvalidEnrollmentException("MISSING_FIELD", "identity.nonce is required for azure");
        }
        if (!Challenge.wellFormed(azure.nonce())) {
            throw new InvalidEnrollmentException(
                    "INVALID_NONCE", "identity.nonce must be a challenge from POST /v1/challenges");
        }
    }

    private static void awsDocument(IdentityMaterial.AwsDocument aws) {
        base64("identity.pkcs7", aws.pkcs7(), MAX_PKCS7_CHARS);
        if (aws.document() != null
                && (aws.document().length() > MAX_DOCUMENT_CHARS || !printable(aws.document(), true))) {
            throw new InvalidEnrollmentException("INVALID_IDENTITY", "identity.document must be a short JSON text");
        }
    }

    /** The refusal of an identity that carries fields another provider's identity has. */
    public static InvalidEnrollmentException notOf(CloudProvider provider) {
        return new InvalidEnrollmentException(
                "INVALID_IDENTITY",
                "identity carries fields that do not belong to a " + provider.wireName() + " identity");
    }

    private static void jwt(String token) {
        if (token == null) {
            throw new InvalidEnrollmentException("MISSING_FIELD", "identity.token is required");
        }
        if (token.length() > MAX_TOKEN_CHARS || !compactJwt(token)) {
            throw new InvalidEnrollmentException("INVALID_IDENTITY", "identity.token must be a compact JWT");
        }
    }

    private static void base64(String field, String value, int maxChars) {
        if (value == null) {
            throw new InvalidEnrollmentException("MISSING_FIELD", field + " is required");
        }
        if (value.length() > maxChars || !base64(value)) {
            throw new InvalidEnrollmentException("INVALID_IDENTITY", field + " must be base64");
        }
        if (!DerNesting.atMost(decoded(value), MAX_PKCS7_NESTING)) {
            throw new InvalidEnrollmentException(
                    "INVALID_IDENTITY",
                    field + " must be a PKCS#7 (DER or BER) of at most " + MAX_PKCS7_NESTING + " nested values");
        }
    }

    private static HostFacts checkHost(@Nullable HostFacts host) {
        if (host == null || host.hostname() == null) {
            throw new InvalidEnrollmentException("MISSING_FIELD", "host.hostname is required");
        }
        if (!hostname(host.hostname())) {
            throw new InvalidEnrollmentException("INVALID_HOSTNAME", "host.hostname must be an RFC 1123 host name");
        }
        if (host.osFamily() == null) {
            throw new InvalidEnrollmentException("MISSING_FIELD", "host.os.family is required");
        }
        if (!osText(host.osFamily()) || (host.osVersion() != null && !osText(host.osVersion()))) {
            throw new InvalidEnrollmentException(
                    "INVALID_OS", "host.os.family and version must be short printable words");
        }
        return host;
    }

    /** RFC 1123: dot-separated labels of 1-63 letters, digits and inner hyphens; one trailing dot allowed. */
    static boolean hostname(String hostname) {
        if (hostname.isEmpty() || hostname.length() > MAX_HOSTNAME_CHARS) {
            return false;
        }
        int end = hostname.endsWith(".") ? hostname.length() - 1 : hostname.length();
        int start = 0;
        while (start <= end) {
            int dot = hostname.indexOf('.', start);
            int labelEnd = dot < 0 || dot > end ? end : dot;
            if (!hostnameLabel(hostname, start, labelEnd)) {
                return false;
            }
            start = labelEnd + 1;
        }
        return true;
    }

    private static boolean hostnameLabel(String name, int start, int end) {
        int length = end - start;
        if (length < 1
                || length > MAX_HOSTNAME_LABEL_CHARS
                || !ALNUM.has(name.charAt(start))
                || !ALNUM.has(name.charAt(end - 1))) {
            return false;
        }
        for (int i = start + 1; i < end - 1; i++) {
            if (!HOSTNAME_INNER.has(name.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Three base64url segments separated by dots, the first two non-empty (the signature may be empty: an unsigned
     * token is the verifier's to reject with its reason), and a header and claims no larger than a cloud's ever are
     * (the limits the verifier reads, so what it would refuse does not reach the topic).
     */
    private static boolean compactJwt(String token) {
        int firstDot = token.indexOf('.');
        int secondDot = firstDot < 0 ? -1 : token.indexOf('.', firstDot + 1);
        if (firstDot < 1
                || firstDot > MAX_TOKEN_HEADER_CHARS
                || secondDot < firstDot + 2
                || secondDot - firstDot - 1 > MAX_TOKEN_CLAIMS_CHARS) {
            return false;
        }
        for (int i = 0; i < token.length(); i++) {
            if (i != firstDot && i != secondDot && !BASE64URL.has(token.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** Base64 with line breaks anywhere (as AWS and Azure send it), at most two '=' at the end, then line breaks. */
    private static boolean base64(String value) {
        int i = 0;
        while (i < value.length() && BASE64_OR_LINE_BREAK.has(value.charAt(i))) {
            i++;
        }
        if (i == 0) {
            return false;
        }
        for (int padding = 0; padding < 2 && i < value.length() && value.charAt(i) == '='; padding++) {
            i++;
        }
        while (i < value.length() && LINE_BREAK.has(value.charAt(i))) {
            i++;
        }
        return i == value.length();
    }

    /** The bytes, or none when the padding is off: that is the verifier's to reject, with its reason. */
    private static byte[] decoded(String base64) {
        try {
            return Base64.getMimeDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            return new byte[0];
        }
    }

    private static boolean osText(String text) {
        return TextShape.word(text, MAX_OS_TEXT_CHARS, ALNUM, OS_TEXT);
    }

    private static void checkLabels(Map<String, String> labels) {
        if (labels == null) {
            return;
        }
        if (labels.size() > MAX_LABELS) {
            throw new InvalidEnrollmentException("INVALID_LABELS", "at most " + MAX_LABELS + " labels");
        }
        labels.forEach((key, value) -> {
            if (!TextShape.word(key, MAX_LABEL_KEY_CHARS, ALNUM, LABEL_KEY)) {
                throw new InvalidEnrollmentException(
                        "INVALID_LABELS", "label keys are 1-63 letters, digits, '.', '_', '/', '-'");
            }
            if (value == null || value.length() > MAX_LABEL_VALUE_CHARS || !printable(value, false)) {
                throw new InvalidEnrollmentException(
                        "INVALID_LABELS",
                        "label values are strings of at most " + MAX_LABEL_VALUE_CHARS + " printable characters");
            }
        });
    }

    private static void checkSecret(String secret) {
        if (secret == null) {
            throw new InvalidEnrollmentException("MISSING_FIELD", "enrollmentSecret is required");
        }
        if (!TextShape.of(secret, SECRET_CHARS, SECRET_CHARS, BASE64URL)) {
            throw new InvalidEnrollmentException(
                    "INVALID_SECRET", "enrollmentSecret must be 43 base64url characters (32 random bytes)");
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
