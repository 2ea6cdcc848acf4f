package io.crosspatch.reporting.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.crosspatch.servicekit.testing.TestJwtIssuer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/** The reporting API does not start with an incomplete token check: issuer, audience and a key source are all required. */
class JwtDecoderConfigurationTest {

    private static final String PREFIX = "crosspatch.reporting.auth";

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(JwtDecoderConfiguration.class);

    @Test
    void shouldStartWithIssuerAudienceAndKey() {
        context.withPropertyValues(PREFIX + ".issuer=" + TestJwtIssuer.ISSUER, PREFIX + ".audiences=crosspatch-reporting",
                PREFIX + ".public-key-location=" + TestJwtIssuer.publicKeyLocation())
                .run(started -> assertThat(started).hasNotFailed().hasSingleBean(JwtDecoder.class));
    }

    @Test
    void shouldRefuseToStartWithoutAnIssuer() {
        context.withPropertyValues(PREFIX + ".audiences=crosspatch-reporting",
                PREFIX + ".public-key-location=" + TestJwtIssuer.publicKeyLocation())
                .run(started -> assertThat(started).hasFailed().getFailure().rootCause()
                        .hasMessageContaining(PREFIX + ".issuer"));
    }

    @Test
    void shouldRefuseToStartWithoutAnAudience() {
        context.withPropertyValues(PREFIX + ".issuer=" + TestJwtIssuer.ISSUER, PREFIX + ".audiences=",
                PREFIX + ".public-key-location=" + TestJwtIssuer.publicKeyLocation())
                .run(started -> assertThat(started).hasFailed().getFailure().rootCause()
                        .hasMessageContaining(PREFIX + ".audience"));
    }

    @Test
    void shouldRefuseToStartWithoutAKeySource() {
        context.withPropertyValues(PREFIX + ".issuer=" + TestJwtIssuer.ISSUER, PREFIX + ".audiences=crosspatch-reporting")
                .run(started -> assertThat(started).hasFailed().getFailure().rootCause()
                        .hasMessageContaining(PREFIX + ".public-key-location"));
    }
}
