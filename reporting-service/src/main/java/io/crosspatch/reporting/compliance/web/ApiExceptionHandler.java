package io.crosspatch.reporting.compliance.web;

import io.crosspatch.reporting.compliance.application.AmbiguousInstanceException;
import io.crosspatch.reporting.compliance.application.InstanceNotFoundException;
import io.crosspatch.reporting.compliance.persistence.InvalidPageTokenException;
import io.crosspatch.reporting.security.TenantAccessDeniedException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Maps every failure of the API to {@code {"error","message"}} with a stable code. Bad input is a 4xx, never a
 * 5xx; an unexpected failure is logged with its stack and answered {@code 500 INTERNAL} without details.
 */
@RestControllerAdvice
public class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(TenantAccessDeniedException.class)
    ResponseEntity<ApiError> forbidden(TenantAccessDeniedException e) {
        return error(HttpStatus.FORBIDDEN, "FORBIDDEN_TENANT", e.getMessage());
    }

    @ExceptionHandler(InstanceNotFoundException.class)
    ResponseEntity<ApiError> notFound(InstanceNotFoundException e) {
        return error(HttpStatus.NOT_FOUND, "INSTANCE_NOT_FOUND", e.getMessage());
    }

    @ExceptionHandler(AmbiguousInstanceException.class)
    ResponseEntity<ApiError> ambiguous(AmbiguousInstanceException e) {
        return error(HttpStatus.CONFLICT, "AMBIGUOUS_INSTANCE", e.getMessage());
    }

    @ExceptionHandler(InvalidPageTokenException.class)
    ResponseEntity<ApiError> badPageToken(InvalidPageTokenException e) {
        return error(HttpStatus.BAD_REQUEST, "INVALID_PAGE_TOKEN", e.getMessage());
    }

    @ExceptionHandler(BadRequestException.class)
    ResponseEntity<ApiError> badRequest(BadRequestException e) {
        return error(HttpStatus.BAD_REQUEST, e.code(), e.getMessage());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ApiError> badParameter(MethodArgumentTypeMismatchException e) {
        return error(HttpStatus.BAD_REQUEST, "INVALID_PARAMETER", "parameter " + e.getName() + " has a wrong type");
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<ApiError> noSuchPath(NoResourceFoundException e) {
        return error(HttpStatus.NOT_FOUND, "NOT_FOUND", "no such resource");
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ApiError> method(HttpRequestMethodNotSupportedException e) {
        return error(HttpStatus.METHOD_NOT_ALLOWED, "METHOD_NOT_ALLOWED", e.getMessage());
    }

    @ExceptionHandler(RuntimeException.class)
    ResponseEntity<ApiError> unexpected(RuntimeException e) {
        log.error("request failed", e);
        return error(HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL", "the request could not be completed");
    }

    private static ResponseEntity<ApiError> error(HttpStatus status, String code, @Nullable String message) {
        return ResponseEntity.status(status).body(new ApiError(code, message));
    }
}
