package io.crosspatch.simulator.identity;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import io.crosspatch.simulator.http.Http;
import java.io.UncheckedIOException;

/**
 * One JWT signing key (RS256 with RSA 2048, or ES256 with P-256) and its key id. The payload is signed as the JSON
 * given, without a claims model in between, so forged tokens can carry claims of any shape.
 */
public final class JwtSigner {

    private final JWK key;
    private final JWSAlgorithm algorithm;
    private final JWSSigner signer;

    private JwtSigner(JWK key, JWSAlgorithm algorithm, JWSSigner signer) {
        this.key = key;
        this.algorithm = algorithm;
        this.signer = signer;
    }

    /** Generates a fresh key for RS256 or ES256. */
    public static JwtSigner generate(JWSAlgorithm algorithm, String keyId) {
        try {
            if (JWSAlgorithm.RS256.equals(algorithm)) {
                RSAKey rsa = new RSAKeyGenerator(2048)
                        .keyID(keyId)
                        .keyUse(KeyUse.SIGNATURE)
                        .algorithm(algorithm)
                        .generate();
                return new JwtSigner(rsa, algorithm, new RSASSASigner(rsa));
            }
            if (JWSAlgorithm.ES256.equals(algorithm)) {
                ECKey ec = new ECKeyGenerator(Curve.P_256)
                        .keyID(keyId)
                        .keyUse(KeyUse.SIGNATURE)
                        .algorithm(algorithm)
                        .generate();
                return new JwtSigner(ec, algorithm, new ECDSASigner(ec));
            }
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot generate a " + algorithm + " key", e);
        }
        throw new IllegalArgumentException("only RS256 and ES256 are simulated, not " + algorithm);
    }

    public String keyId() {
        return key.getKeyID();
    }

    public JWSAlgorithm algorithm() {
        return algorithm;
    }

    /** The public half, as published in a JWKS. */
    public JWK publicJwk() {
        return key.toPublicJWK();
    }

    /** A compact JWS of the payload, with header {alg, kid, typ: JWT}; {@code keyId} overrides the header's kid. */
    public String sign(ObjectNode payload, String keyId) {
        JWSHeader header = new JWSHeader.Builder(algorithm)
                .type(JOSEObjectType.JWT)
                .keyID(keyId)
                .build();
        try {
            JWSObject jws = new JWSObject(header, new Payload(Http.JSON.writeValueAsString(payload)));
            jws.sign(signer);
            return jws.serialize();
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign a token with key " + keyId(), e);
        }
    }

    public String sign(ObjectNode payload) {
        return sign(payload, keyId());
    }
}
