package io.crosspatch.identity.verification.provider;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import io.crosspatch.identity.verification.domain.IdentityRejectedException;
import io.crosspatch.identity.verification.domain.RejectionReason;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The JWT rules GCP and VMware tokens share, in the order an attacker's tricks are best refused: parse; the
 * algorithm from an allow-list (so {@code none}, HMAC with a public key, and anything unexpected fail before any
 * key is touched); no key carried or pointed to by the token itself ({@code jwk}, {@code jku}, {@code x5u},
 * {@code x5c}); a key from the pinned JWKS only (see {@link IssuerKeys}); then expiry, not-before and lifetime with a small skew, and the
 * exact audience.
 */
final class JwtRules {

    private final Duration skew;
    private final Duration maxLifetime;

    public JwtRules(Duration skew, Duration maxLifetime) {
        this.skew = skew;
        this.maxLifetime = maxLifetime;
    }

    /** Longest token read: what the ingress accepts. */
    static final int MAX_TOKEN_CHARS = 16 * 1024;
    /** Longest header read (base64url): a cloud's header is {@code alg}, {@code kid} and {@code typ}, under 200. */
    static final int MAX_HEADER_CHARS = 2 * 1024;
    /** Longest claims segment read (base64url): GCP's full-format claims are about 1 K. */
    static final int MAX_CLAIMS_CHARS = 12 * 1024;

    /**
     * A signed token whose header is acceptable; nothing is trusted yet. The token, its header and its claims are
     * measured before any of it is decoded, and a compact JWS has exactly three segments (five would be a JWE,
     * which nimbus would go on to parse as one).
     */
    SignedJWT parse(String token, Set<JWSAlgorithm> allowed) {
        String compact = token == null ? "" : token.trim();
        int firstDot = compact.indexOf('.');
        int secondDot = firstDot < 0 ? -1 : compact.indexOf('.', firstDot + 1);
        if (compact.length() > MAX_TOKEN_CHARS
                || secondDot < 0
                || compact.indexOf('.', secondDot + 1) >= 0
                || firstDot > MAX_HEADER_CHARS
                || secondDot - firstDot - 1 > MAX_CLAIMS_CHARS) {
            throw new IdentityRejectedException(
                    RejectionReason.MALFORMED_IDENTITY,
                    "the token is not a compact JWS of at most " + MAX_TOKEN_CHARS + " characters (header at most "
                            + MAX_HEADER_CHARS + ", claims at most " + MAX_CLAIMS_CHARS + ")");
        }
        JWT jwt;
        try {
            jwt = JWTParser.parse(compact);
        } catch (ParseException e) {
            throw new IdentityRejectedException(RejectionReason.MALFORMED_IDENTITY, "the token is not a JWT");
        }
        if (jwt instanceof PlainJWT) {
            throw new IdentityRejectedException(RejectionReason.ALGORITHM_NOT_ALLOWED, "unsigned token (alg none)");
        }
        if (!(jwt instanceof SignedJWT signed)) {
            throw new IdentityRejectedException(RejectionReason.MALFORMED_IDENTITY, "the token is not a signed JWT");
        }
        JWSHeader header = signed.getHeader();
        if (!allowed.contains(header.getAlgorithm())) {
            throw new IdentityRejectedException(
                    RejectionReason.ALGORITHM_NOT_ALLOWED,
                    "algorithm " + header.getAlgorithm() + " is not allowed (allowed: " + allowed + ")");
        }
        if (header.getJWK() != null
                || header.getJWKURL() != null
                || header.getX509CertURL() != null
                || header.getX509CertChain() != null) {
            throw new IdentityRejectedException(
                    RejectionReason.UNTRUSTED_SIGNER,
                    "the token carries or points to its own key (jwk, jku, x5u or x5c header); only pinned keys are trusted");
        }
        return signed;
    }

    JWTClaimsSet claims(SignedJWT jwt) {
        try {
            return jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            throw new IdentityRejectedException(
                    RejectionReason.MALFORMED_IDENTITY, "the token's claims are not a JSON object");
        }
    }

    /**
     * Verifies the signature with a key of the issuer's that the header's kid and algorithm select. A key id the
     * issuer does not publish is a verdict ({@code UNTRUSTED_SIGNER}), never an outage: {@link IssuerKeys} has
     * already refreshed (at most once per interval) before answering that it has no such key.
     */
    void verifySignature(SignedJWT jwt, IssuerKeys keys) {
        List<JWK> candidates = keys.select(jwt.getHeader());
        if (candidates.isEmpty()) {
            throw new IdentityRejectedException(
                    RejectionReason.UNTRUSTED_SIGNER, "no trusted key of " + keys.issuer() + " has the token's key id");
        }
        for (JWK key : candidates) {
            if (verifies(jwt, key)) {
                return;
            }
        }
        throw new IdentityRejectedException(RejectionReason.SIGNATURE_INVALID, "the token's signature does not verify");
    }

    private static boolean verifies(SignedJWT jwt, JWK key) {
        try {
            JWSVerifier verifier;
            if (key instanceof RSAKey rsa) {
                verifier = new RSASSAVerifier(rsa);
            } else if (key instanceof ECKey ec) {
                verifier = new ECDSAVerifier(ec);
            } else {
                return false;
            }
            return jwt.verify(verifier);
        } catch (JOSEException e) {
            return false;
        }
    }

    /** Checks exp (required), nbf, iat and the lifetime left; answers the expiry. */
    Instant checkTimes(JWTClaimsSet claims, Instant now) {
        Date exp = claims.getExpirationTime();
        if (exp == null) {
            throw new IdentityRejectedException(RejectionReason.CLAIMS_MISSING, "the token has no exp");
        }
        Instant expiresAt = exp.toInstant();
        if (now.minus(skew).isAfter(expiresAt)) {
            throw new IdentityRejectedException(RejectionReason.TOKEN_EXPIRED, "the token expired at " + expiresAt);
        }
        Date nbf = claims.getNotBeforeTime();
        if (nbf != null && nbf.toInstant().isAfter(now.plus(skew))) {
            throw new IdentityRejectedException(
                    RejectionReason.TOKEN_NOT_YET_VALID, "the token is not valid before " + nbf.toInstant());
        }
        Date iat = claims.getIssueTime();
        if (iat != null && iat.toInstant().isAfter(now.plus(skew))) {
            throw new IdentityRejectedException(
                    RejectionReason.TOKEN_NOT_YET_VALID,
                    "the token was issued in the future (" + iat.toInstant() + ")");
        }
        if (expiresAt.isAfter(now.plus(maxLifetime).plus(skew))) {
            throw new IdentityRejectedException(
                    RejectionReason.TOKEN_LIFETIME_TOO_LONG,
                    "the token expires at " + expiresAt + ", more than " + maxLifetime.toMinutes()
                            + " minutes from now");
        }
        return expiresAt;
    }

    /** The audience must be exactly the one configured: one value, equal. */
    static void checkAudience(JWTClaimsSet claims, String expected) {
        List<String> audience = claims.getAudience();
        if (expected == null || expected.isBlank() || audience.size() != 1 || !expected.equals(audience.get(0))) {
            throw new IdentityRejectedException(
                    RejectionReason.AUDIENCE_MISMATCH, "the token's audience is not the configured one");
        }
    }

    static String requiredString(@Nullable Object value, String name) {
        if (value instanceof String text && !text.isBlank()) {
            return text;
        }
        throw new IdentityRejectedException(RejectionReason.CLAIMS_MISSING, "the identity has no " + name);
    }
}
