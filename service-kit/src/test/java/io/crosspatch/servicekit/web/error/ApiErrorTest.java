package io.crosspatch.servicekit.web.error;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;

class ApiErrorTest {

    @Test
    void shouldWriteValidJsonEvenWhenTheMessageQuotes() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();

        new ApiError("PAYLOAD_TOO_LARGE", "the \"body\" is too large \\ cut").write(response, 413);

        assertThat(response.getStatus()).isEqualTo(413);
        assertThat(response.getContentType()).startsWith("application/json");
        assertThat(response.getContentAsString())
                .isEqualTo("{\"error\":\"PAYLOAD_TOO_LARGE\",\"message\":\"the \\\"body\\\" is too large \\\\ cut\"}");
    }

    @Test
    void shouldNameABareStatusByItsCodeAndHideWhatFailedInside() {
        assertThat(ApiError.ofStatus(404)).isEqualTo(new ApiError("NOT_FOUND", "Not Found"));
        assertThat(ApiError.ofStatus(415)).isEqualTo(new ApiError("UNSUPPORTED_MEDIA_TYPE", "Unsupported Media Type"));
        assertThat(ApiError.ofStatus(502)).isEqualTo(new ApiError("INTERNAL", ApiError.INTERNAL_MESSAGE));
        assertThat(ApiError.ofStatus(503).error()).isEqualTo("UNAVAILABLE");
    }
}
