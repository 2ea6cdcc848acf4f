package io.crosspatch.servicekit.web.error;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.ConsistencyLevel;
import com.datastax.oss.driver.api.core.DriverTimeoutException;
import com.datastax.oss.driver.api.core.servererrors.InvalidQueryException;
import com.datastax.oss.driver.api.core.servererrors.WriteTimeoutException;
import com.datastax.oss.driver.api.core.servererrors.WriteType;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.mock.http.MockHttpInputMessage;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.context.request.ServletWebRequest;

class ApiExceptionHandlerTest {

    private final ApiExceptionHandler handler = new ApiExceptionHandler(List.of());

    @Test
    void shouldAskTheClientToRetryWhenCassandraIsBrieflyOutOfReach() {
        ResponseEntity<Object> answer = handler.unexpected(new DriverTimeoutException("Query timed out after PT2S"));

        assertThat(answer.getStatusCode().value()).isEqualTo(503);
        assertThat(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("2");
        assertThat(error(answer).error()).isEqualTo("UNAVAILABLE");
    }

    @Test
    void shouldAnswerACoordinatorTimeoutOfALightweightTransactionWithTheRetryAnswer() {
        // an LWT claim that times out at the coordinator is a WriteTimeoutException (a QueryExecutionException)
        WriteTimeoutException timeout = new WriteTimeoutException(null, ConsistencyLevel.SERIAL, 0, 1, WriteType.CAS);

        assertThat(handler.unexpected(new IllegalStateException("claim failed", timeout))
                        .getStatusCode()
                        .value())
                .isEqualTo(503);
    }

    @Test
    void shouldKeepABugA500WithoutDetails() {
        ResponseEntity<Object> answer = handler.unexpected(new IllegalStateException("secret detail"));

        assertThat(answer.getStatusCode().value()).isEqualTo(500);
        assertThat(answer.getHeaders().containsHeader(HttpHeaders.RETRY_AFTER)).isFalse();
        assertThat(error(answer)).isEqualTo(new ApiError("INTERNAL", "the request could not be completed"));
    }

    @Test
    void shouldKeepAWrongQueryA500NotAnOutage() {
        assertThat(handler.unexpected(new InvalidQueryException(null, "unknown column"))
                        .getStatusCode()
                        .value())
                .isEqualTo(500);
    }

    @Test
    void shouldAnswerTheServicesOwnExceptionsAsItsMappingSays() {
        ApiExceptionHandler withMapping = new ApiExceptionHandler(List.of(
                ApiErrorMapping.of(IllegalArgumentException.class, HttpStatus.BAD_REQUEST, "INVALID_HOSTNAME"),
                ApiErrorMapping.unavailable(UnsupportedOperationException.class, Duration.ofSeconds(5), "not now")));

        ResponseEntity<Object> invalid = withMapping.unexpected(new IllegalArgumentException("hostname too long"));
        ResponseEntity<Object> notNow = withMapping.unexpected(new UnsupportedOperationException("queue full"));

        assertThat(invalid.getStatusCode().value()).isEqualTo(400);
        assertThat(error(invalid)).isEqualTo(new ApiError("INVALID_HOSTNAME", "hostname too long"));
        assertThat(notNow.getStatusCode().value()).isEqualTo(503);
        assertThat(notNow.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("5");
        assertThat(error(notNow)).isEqualTo(new ApiError("UNAVAILABLE", "not now"));
    }

    @Test
    void shouldLetAMappingDeclineAndFallBackToTheDefaults() {
        ApiExceptionHandler declining =
                new ApiExceptionHandler(List.of(ApiErrorMapping.answering(IllegalStateException.class, e -> null)));

        assertThat(declining
                        .unexpected(new IllegalStateException("bug"))
                        .getStatusCode()
                        .value())
                .isEqualTo(500);
    }

    @Test
    void shouldAnswerAWrongMethodWithItsStatusCodeAndAllowHeader() throws Exception {
        ResponseEntity<Object> answer = handler.handleException(
                new HttpRequestMethodNotSupportedException("DELETE", List.of("GET")), request());

        assertThat(answer.getStatusCode().value()).isEqualTo(405);
        assertThat(answer.getHeaders().getFirst(HttpHeaders.ALLOW)).isEqualTo("GET");
        assertThat(error(answer).error()).isEqualTo("METHOD_NOT_ALLOWED");
    }

    @Test
    void shouldAnswerAnUnreadableBodyAsInvalidJson() throws Exception {
        ResponseEntity<Object> answer = handler.handleException(
                new HttpMessageNotReadableException("broken", new MockHttpInputMessage(new byte[0])), request());

        assertThat(answer.getStatusCode().value()).isEqualTo(400);
        assertThat(error(answer).error()).isEqualTo("INVALID_JSON");
    }

    private static ServletWebRequest request() {
        return new ServletWebRequest(new MockHttpServletRequest("GET", "/v1/anything"));
    }

    private static ApiError error(ResponseEntity<Object> answer) {
        return (ApiError) answer.getBody();
    }
}
