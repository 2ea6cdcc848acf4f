package io.crosspatch.simulator.auth;

import io.crosspatch.simulator.aws.AwsException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * Checks AWS Signature Version 4 the way AWS does, so a client that signs wrongly (or with another account's
 * secret) fails here as it would against AWS. The access key then decides which account the call acts in.
 */
public final class SigV4Verifier {

    private static final Pattern AUTHORIZATION =
            Pattern.compile("AWS4-HMAC-SHA256\\s+Credential=([^/]+)/(\\d{8})/([^/]+)/([^/]+)/aws4_request,\\s*"
                    + "SignedHeaders=([^,]+),\\s*Signature=([0-9a-f]{64})");

    private final CredentialStore credentials;
    private final boolean verifySignatures;

    public SigV4Verifier(CredentialStore credentials, boolean verifySignatures) {
        this.credentials = credentials;
        this.verifySignatures = verifySignatures;
    }

    /** What a verified signature tells: the credentials used, and the scope's region and service. */
    public record Verified(Credentials credentials, String region, String service) {}

    /**
     * @param headerValue  looks a request header up by lower-case name (null when absent)
     */
    public Verified verify(
            String method,
            String rawPath,
            @Nullable String rawQuery,
            Function<String, @Nullable String> headerValue,
            byte[] body,
            Instant now) {
        String authorization = headerValue.apply("authorization");
        if (authorization == null) {
            throw new AwsException("MissingAuthenticationToken", 403, "Request is missing Authentication Token");
        }
        Matcher matcher = AUTHORIZATION.matcher(authorization);
        if (!matcher.find()) {
            throw new AwsException("IncompleteSignature", 403, "Authorization header is not AWS4-HMAC-SHA256");
        }
        String accessKey = matcher.group(1);
        String date = matcher.group(2);
        String region = matcher.group(3);
        String service = matcher.group(4);
        List<String> signedHeaders = List.of(matcher.group(5).split(";"));
        String signature = matcher.group(6);

        Credentials known = credentials
                .find(accessKey)
                .orElseThrow(() -> new AwsException(
                        "UnrecognizedClientException", 403, "The security token included in the request is invalid."));
        if (known.expiresAt() != null && known.expiresAt().isBefore(now)) {
            throw new AwsException(
                    "ExpiredTokenException", 403, "The security token included in the request is expired");
        }
        if (known.sessionToken() != null && !known.sessionToken().equals(headerValue.apply("x-amz-security-token"))) {
            throw new AwsException(
                    "UnrecognizedClientException", 403, "The security token included in the request is invalid.");
        }
        if (verifySignatures) {
            String amzDate = headerValue.apply("x-amz-date");
            if (amzDate == null || !amzDate.startsWith(date)) {
                throw new AwsException(
                        "IncompleteSignature", 403, "X-Amz-Date is missing or does not match the credential scope");
            }
            String scope = date + "/" + region + "/" + service + "/aws4_request";
            String canonical = canonicalRequest(method, rawPath, rawQuery, signedHeaders, headerValue, body);
            String stringToSign = "AWS4-HMAC-SHA256\n" + amzDate + "\n" + scope + "\n" + hex(sha256(canonical));
            byte[] key = signingKey(known.secretAccessKey(), date, region, service);
            String expected = hex(hmac(key, stringToSign));
            if (!MessageDigest.isEqual(
                    expected.getBytes(StandardCharsets.US_ASCII), signature.getBytes(StandardCharsets.US_ASCII))) {
                throw new AwsException(
                        "SignatureDoesNotMatch",
                        403,
                        "The request signature we calculated does not match "
                                + "the signature you provided. Check your AWS Secret Access Key and signing method.");
            }
        }
        return new Verified(known, region, service);
    }

    private static String canonicalRequest(
            String method,
            String rawPath,
            @Nullable String rawQuery,
            List<String> signedHeaders,
            Function<String, @Nullable String> headerValue,
            byte[] body) {
        StringBuilder canonical = new StringBuilder();
        canonical.append(method).append('\n');
        canonical.append(rawPath == null || rawPath.isEmpty() ? "/" : rawPath).append('\n');
        canonical.append(canonicalQuery(rawQuery)).append('\n');
        for (String name : signedHeaders) {
            String value = headerValue.apply(name);
            canonical
                    .append(name)
                    .append(':')
                    .append(value == null ? "" : value.trim().replaceAll("\\s+", " "))
                    .append('\n');
        }
        canonical.append('\n').append(String.join(";", signedHeaders)).append('\n');
        String payloadHash = headerValue.apply("x-amz-content-sha256");
        canonical.append(
                payloadHash != null && !payloadHash.startsWith("UNSIGNED") && !payloadHash.startsWith("STREAMING")
                        ? payloadHash
                        : hex(sha256(body)));
        return canonical.toString();
    }

    private static String canonicalQuery(@Nullable String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return "";
        }
        Map<String, String> sorted = new TreeMap<>();
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            sorted.put(eq < 0 ? pair : pair.substring(0, eq), eq < 0 ? "" : pair.substring(eq + 1));
        }
        StringBuilder out = new StringBuilder();
        sorted.forEach((k, v) ->
                out.append(out.length() == 0 ? "" : "&").append(k).append('=').append(v));
        return out.toString();
    }

    private static byte[] signingKey(String secret, String date, String region, String service) {
        byte[] key = hmac(("AWS4" + secret).getBytes(StandardCharsets.UTF_8), date);
        key = hmac(key, region);
        key = hmac(key, service);
        return hmac(key, "aws4_request");
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] sha256(String data) {
        return sha256(data.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes).toLowerCase(Locale.ROOT);
    }
}
