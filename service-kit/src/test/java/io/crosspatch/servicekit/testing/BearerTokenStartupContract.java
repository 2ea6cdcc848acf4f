package io.crosspatch.servicekit.testing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * What every bearer-token API's decoder configuration must do, written once: start with an issuer, an audience and
 * a key source, and refuse to start — naming the missing property — without any one of them. A service's test
 * extends it with its configuration class, its property prefix and its audience; the three services once kept three
 * copies of these tests.
 */
public abstract class BearerTokenStartupContract {

    private final String prefix;
    private final String audience;
    private final ApplicationContextRunner context;

    protected BearerTokenStartupContract(Class<?> decoderConfiguration, String prefix, String audience) {
        this.prefix = prefix;
        this.audience = audience;
        this.context = new ApplicationContextRunner().withUserConfiguration(decoderConfiguration);
    }

    @Test
    public void shouldStartWithIssuerAudienceAndKey() {
        context.withPropertyValues(
                        prefix + ".issuer=" + TestJwtIssuer.ISSUER,
                        prefix + ".audiences=" + audience,
                        prefix + ".public-key-location=" + TestJwtIssuer.publicKeyLocation())
                .run(started -> assertThat(started).hasNotFailed().hasSingleBean(JwtDecoder.class));
    }

    @Test
    public void shouldRefuseToStartWithoutAnIssuer() {
        context.withPropertyValues(
                        prefix + ".audiences=" + audience,
                        prefix + ".public-key-location=" + TestJwtIssuer.publicKeyLocation())
                .run(started -> assertThat(started)
                        .hasFailed()
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining(prefix + ".issuer"));
    }

    @Test
    public void shouldRefuseToStartWithoutAnAudience() {
        context.withPropertyValues(
                        prefix + ".issuer=" + TestJwtIssuer.ISSUER,
                        prefix + ".audiences=",
                        prefix + ".public-key-location=" + TestJwtIssuer.publicKeyLocation())
                .run(started -> assertThat(started)
                        .hasFailed()
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining(prefix + ".audience"));
    }

    @Test
    public void shouldRefuseToStartWithoutAKeySource() {
        context.withPropertyValues(prefix + ".issuer=" + TestJwtIssuer.ISSUER, prefix + ".audiences=" + audience)
                .run(started -> assertThat(started)
                        .hasFailed()
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining(prefix + ".public-key-location"));
    }
}
