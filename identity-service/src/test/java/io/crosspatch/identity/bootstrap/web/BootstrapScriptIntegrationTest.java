package io.crosspatch.identity.bootstrap.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.crosspatch.identity.support.IngressIntegrationTest;
import io.crosspatch.identity.support.RawHttp;
import org.junit.jupiter.api.Test;

/** The served startup script names the configured public URL, whatever the request says the server is called. */
class BootstrapScriptIntegrationTest extends IngressIntegrationTest {

    @Test
    void shouldEmbedTheConfiguredPublicUrlWhateverHostTheRequestForges() {
        // when: a request that names another host in every header a proxy might pass on
        RawHttp.Response response = RawHttp.send(
                "127.0.0.1",
                port(),
                "GET /v1/bootstrap/linux.sh HTTP/1.0\r\n"
                        + "Host: evil.example\r\n"
                        + "X-Forwarded-Host: evil.example\r\n"
                        + "X-Forwarded-Proto: https\r\n"
                        + "X-Forwarded-Port: 443\r\n"
                        + "Forwarded: host=evil.example;proto=https\r\n");

        // then
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body())
                .contains("readonly DEFAULT_SERVER=\"" + PUBLIC_URL + "\"")
                .doesNotContain("evil.example");
    }
}
