package io.crosspatch.servicekit.web.error;

import io.crosspatch.servicekit.messaging.InfrastructureOutage;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * The one exception advice of every Crosspatch HTTP API: every failure becomes an {@link ApiError} with a stable
 * code, decided in this order.
 * <ol>
 * <li>The service's own {@link ApiErrorMapping}s (its features' exceptions).</li>
 * <li>Spring MVC's own refusals (unknown path, wrong method, unsupported media type, a parameter of the wrong type…)
 * through {@link ResponseEntityExceptionHandler}: their status, the status's code; a body that is not JSON of the
 * expected shape is {@code 400 INVALID_JSON}. Bad input is always a 4xx.</li>
 * <li><b>An unavailable dependency is 503, a bug is 500</b> — decided here once for every service. A failure caused
 * by the platform's infrastructure being away (Cassandra out of reach or timing out, the broker not acknowledging,
 * the schema registry down: {@link InfrastructureOutage}, the same test the Kafka error handler uses) is
 * {@code 503 UNAVAILABLE} with {@code Retry-After: 2}: the same request succeeds later, and the client may retry.
 * Services map other outages they know of (AWS throttling, their own "not accepted now") with
 * {@link ApiErrorMapping#unavailable}. Anything else is a defect: {@code 500 INTERNAL}, logged with its stack,
 * answered without details.</li>
 * </ol>
 * Ordered last, so a controller-specific advice a service may still have goes first.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    /** Seconds a client is asked to wait before retrying after an infrastructure outage. */
    static final String OUTAGE_RETRY_AFTER_SECONDS = "2";

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    private final List<ApiErrorMapping> mappings;

    public ApiExceptionHandler(List<ApiErrorMapping> mappings) {
        this.mappings = List.copyOf(mappings);
    }

    @ExceptionHandler(Exception.class)
    public ResponseEntity<Object> unexpected(Exception e) {
        ResponseEntity<ApiError> mapped = mapped(e);
        if (mapped != null) {
            return widen(mapped);
        }
        if (InfrastructureOutage.isOutage(e)) {
            log.warn("a dependency is unavailable, answered 503: {}", e.toString());
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .header(HttpHeaders.RETRY_AFTER, OUTAGE_RETRY_AFTER_SECONDS)
                    .body(new ApiError("UNAVAILABLE", "the service cannot answer right now; retry later"));
        }
        log.error("request failed", e);
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR)
                .body(new ApiError("INTERNAL", ApiError.INTERNAL_MESSAGE));
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(
            Exception e, @Nullable Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ResponseEntity<ApiError> mapped = mapped(e);
        if (mapped != null) {
            return widen(mapped);
        }
        if (status.is5xxServerError()) {
            log.error("request failed", e);
        }
        ApiError error = e instanceof HttpMessageNotReadableException && status.value() == 400
                ? new ApiError("INVALID_JSON", "the body is not a JSON document of the expected shape")
                : ApiError.ofStatus(status.value());
        return ResponseEntity.status(status).headers(headers).body(error);
    }

    private @Nullable ResponseEntity<ApiError> mapped(Exception e) {
        for (ApiErrorMapping mapping : mappings) {
            @Nullable ResponseEntity<ApiError> answer = mapping.answer(e);
            if (answer != null) {
                return answer;
            }
        }
        return null;
    }

    private static ResponseEntity<Object> widen(ResponseEntity<ApiError> answer) {
        return ResponseEntity.status(answer.getStatusCode())
                .headers(answer.getHeaders())
                .body(answer.getBody());
    }
}
