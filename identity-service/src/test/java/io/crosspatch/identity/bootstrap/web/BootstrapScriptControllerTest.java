package io.crosspatch.identity.bootstrap.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

/**
 * The ingress does not start without a public URL it may bake into the startup script: one it would otherwise take
 * from each request's {@code Host}, or a plain-http one that any network in between could answer for.
 */
class BootstrapScriptControllerTest {

    private final WebApplicationContextRunner ingress =
            new WebApplicationContextRunner().withUserConfiguration(BootstrapScriptController.class);

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "http://crosspatch.example.com",
                "http://10.0.0.5:8080",
                "http://127.0.0.1.evil.example",
                "https://user:password@crosspatch.example.com",
                "https://crosspatch.example.com/?next=x",
                "https://crosspatch.example.com/\"$(id)\"",
                "ftp://crosspatch.example.com",
                "crosspatch.example.com"
            })
    void refusesToStartWithAPublicUrlThatIsMissingOrNotHttpsUnlessLoopback(String publicUrl) {
        ingress.withPropertyValues("crosspatch.identity.public-url=" + publicUrl)
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure())
                            .rootCause()
                            .hasMessageContaining("crosspatch.identity.public-url");
                });
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://crosspatch.example.com",
                "https://crosspatch.example.com:8443/identity/",
                "http://127.0.0.1:8080",
                "http://localhost:8080",
                "http://[::1]:8080"
            })
    void startsWithAnHttpsPublicUrlOrAPlainHttpOneOnLoopback(String publicUrl) {
        ingress.withPropertyValues("crosspatch.identity.public-url=" + publicUrl)
                .run(context -> assertThat(context).hasNotFailed());
    }
}
