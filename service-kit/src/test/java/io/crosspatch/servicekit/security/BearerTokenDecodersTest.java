package io.crosspatch.servicekit.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crosspatch.servicekit.testing.TestJwtIssuer;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/** What every Crosspatch resource server accepts: only complete configuration, only complete, matching tokens. */
class BearerTokenDecodersTest {

    private static final String AUDIENCE = "crosspatch-test";

    private final JwtDecoder decoder = BearerTokenDecoders.decoder(
            "test.auth",
            properties(null, TestJwtIssuer.publicKeyLocation(), TestJwtIssuer.ISSUER, List.of(AUDIENCE)),
            new DefaultResourceLoader());

    @Test
    void shouldAcceptASignedTokenWithIssuerAudienceAndExpiry() {
        assertThat(decoder.decode(
                                TestJwtIssuer.token(AUDIENCE).roles("operator").sign())
                        .getSubject())
                .isEqualTo("someone");
    }

    @Test
    void shouldRejectTokenWithoutExpiry() {
        String neverExpires = TestJwtIssuer.token(AUDIENCE).withoutExpiry().sign();

        assertThatThrownBy(() -> decoder.decode(neverExpires)).isInstanceOf(JwtException.class);
    }

    @Test
    void shouldRejectTokenWithForeignAudienceIssuerOrKey() {
        for (String token : List.of(
                TestJwtIssuer.token("crosspatch-other").sign(),
                TestJwtIssuer.token(AUDIENCE).issuer("https://evil.example/").sign(),
                TestJwtIssuer.token(AUDIENCE).signedByStranger().sign(),
                TestJwtIssuer.token(AUDIENCE).expired().sign())) {
            assertThatThrownBy(() -> decoder.decode(token)).isInstanceOf(JwtException.class);
        }
    }

    @Test
    void shouldRefuseToBuildADecoderWithoutIssuerAudienceOrKey() {
        DefaultResourceLoader resources = new DefaultResourceLoader();

        assertThatThrownBy(() -> BearerTokenDecoders.decoder(
                        "test.auth",
                        properties(null, TestJwtIssuer.publicKeyLocation(), " ", List.of(AUDIENCE)),
                        resources))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("test.auth.issuer");
        assertThatThrownBy(() -> BearerTokenDecoders.decoder(
                        "test.auth",
                        properties(null, TestJwtIssuer.publicKeyLocation(), TestJwtIssuer.ISSUER, List.of("")),
                        resources))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("test.auth.audience");
        assertThatThrownBy(() -> BearerTokenDecoders.decoder(
                        "test.auth", properties("", "", TestJwtIssuer.ISSUER, List.of(AUDIENCE)), resources))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("test.auth.public-key-location");
    }

    private static BearerTokenProperties properties(
            String jwkSetUri, String publicKeyLocation, String issuer, List<String> audiences) {
        BearerTokenProperties properties = new BearerTokenProperties();
        properties.setJwkSetUri(jwkSetUri);
        properties.setPublicKeyLocation(publicKeyLocation);
        properties.setIssuer(issuer);
        properties.setAudiences(audiences);
        return properties;
    }
}
