package io.crosspatch.identity.web;

import com.datastax.oss.driver.api.core.AllNodesFailedException;
import com.datastax.oss.driver.api.core.DriverException;
import com.datastax.oss.driver.api.core.DriverTimeoutException;
import com.datastax.oss.driver.api.core.NodeUnavailableException;
import com.datastax.oss.driver.api.core.RequestThrottlingException;
import com.datastax.oss.driver.api.core.connection.BusyConnectionException;
import com.datastax.oss.driver.api.core.connection.ClosedConnectionException;
import com.datastax.oss.driver.api.core.connection.HeartbeatException;
import com.datastax.oss.driver.api.core.servererrors.BootstrappingException;
import com.datastax.oss.driver.api.core.servererrors.OverloadedException;
import com.datastax.oss.driver.api.core.servererrors.QueryExecutionException;
import io.crosspatch.identity.enrollment.application.EnrollmentConflictException;
import io.crosspatch.identity.enrollment.application.EnrollmentsUnavailableException;
import io.crosspatch.identity.enrollment.domain.InvalidEnrollmentException;
import io.crosspatch.identity.onboarding.application.AccountOwnedByAnotherTenantException;
import io.crosspatch.identity.onboarding.application.InvalidCloudAccountException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
 * Every failure of the service as {@code {"error","message"}} with a stable code: the features' own exceptions,
 * and every exception Spring MVC raises itself (unreadable body, unsupported media type, unknown path, wrong
 * method…) through {@link ResponseEntityExceptionHandler}. Bad input is always a 4xx; only a failure of the service
 * itself is a 5xx, logged with its stack, and answered without details.
 */
@RestControllerAdvice
public class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(InvalidEnrollmentException.class)
    ResponseEntity<Object> invalidEnrollment(InvalidEnrollmentException e) {
        return error(HttpStatus.BAD_REQUEST, e.code(), e.getMessage());
    }

    @ExceptionHandler(EnrollmentConflictException.class)
    ResponseEntity<Object> conflict(EnrollmentConflictException e) {
        return error(HttpStatus.CONFLICT, "ENROLLMENT_CONFLICT", e.getMessage());
    }

    @ExceptionHandler(EnrollmentsUnavailableException.class)
    ResponseEntity<Object> unavailable(EnrollmentsUnavailableException e) {
        log.warn("enrollment not accepted: {}", e.getMessage());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "5")
                .body(new ApiError("UNAVAILABLE", "enrollments cannot be accepted right now; retry later"));
    }

    /**
     * Cassandra briefly out of reach (a restart, a timeout, an overloaded node, a connection lost mid-request): the
     * same request will succeed later, and enrollments are idempotent, so tell the VM to retry (the startup script
     * retries 429 and 503) instead of failing it with a 500. Everything else from the driver is a defect: 500.
     */
    @ExceptionHandler({DriverTimeoutException.class, AllNodesFailedException.class, NodeUnavailableException.class,
            HeartbeatException.class,
            ClosedConnectionException.class, BusyConnectionException.class, RequestThrottlingException.class,
            QueryExecutionException.class, OverloadedException.class, BootstrappingException.class})
    ResponseEntity<Object> storeUnavailable(DriverException e) {
        log.warn("state store unavailable, answered 503: {}", e.toString());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "2")
                .body(new ApiError("UNAVAILABLE", "the service cannot answer right now; retry later"));
    }

    @ExceptionHandler(InvalidCloudAccountException.class)
    ResponseEntity<Object> invalidAccount(InvalidCloudAccountException e) {
        return error(HttpStatus.BAD_REQUEST, e.code(), e.getMessage());
    }

    @ExceptionHandler(AccountOwnedByAnotherTenantException.class)
    ResponseEntity<Object> ownedElsewhere(AccountOwnedByAnotherTenantException e) {
        return error(HttpStatus.CONFLICT, "ACCOUNT_OWNED_BY_ANOTHER_TENANT", e.getMessage());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e) {
        log.error("request failed", e);
        return error(HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL", "the request could not be completed");
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        if (causedByOversizedBody(e)) {
            return error(HttpStatus.PAYLOAD_TOO_LARGE, "PAYLOAD_TOO_LARGE", "the request body is too large");
        }
        return error(HttpStatus.BAD_REQUEST, "INVALID_JSON", "the body is not a JSON document of the expected shape");
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, @Nullable Object body, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        int code = status.value();
        HttpStatus known = HttpStatus.resolve(code);
        String message = status.is5xxServerError() ? "the request could not be completed"
                : known == null ? "invalid request" : known.getReasonPhrase();
        if (status.is5xxServerError()) {
            log.error("request failed", e);
        }
        return ResponseEntity.status(status).headers(headers).body(new ApiError(JsonErrors.codeOf(code), message));
    }

    private static boolean causedByOversizedBody(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof PayloadTooLargeException) {
                return true;
            }
        }
        return false;
    }

    private static ResponseEntity<Object> error(HttpStatus status, String code, @Nullable String message) {
        return ResponseEntity.status(status).body(new ApiError(code, message));
    }
}
