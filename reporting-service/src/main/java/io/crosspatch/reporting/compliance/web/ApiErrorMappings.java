package io.crosspatch.reporting.compliance.web;

import io.crosspatch.reporting.compliance.application.AmbiguousInstanceException;
import io.crosspatch.reporting.compliance.application.InstanceNotFoundException;
import io.crosspatch.reporting.compliance.persistence.InvalidPageTokenException;
import io.crosspatch.reporting.security.TenantAccessDeniedException;
import io.crosspatch.servicekit.web.error.ApiError;
import io.crosspatch.servicekit.web.error.ApiErrorMapping;
import io.crosspatch.servicekit.web.error.ApiExceptionHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * The API's own refusals as HTTP errors; everything else (Spring MVC's refusals, Cassandra out of reach, defects)
 * is answered by service-kit's {@link ApiExceptionHandler}. Bad input is a 4xx, never a 5xx.
 */
@Configuration(proxyBeanMethods = false)
class ApiErrorMappings {

    @Bean
    ApiErrorMapping reportingApiErrors() {
        return ApiErrorMapping.of(TenantAccessDeniedException.class, HttpStatus.FORBIDDEN, "FORBIDDEN_TENANT")
                .orElse(ApiErrorMapping.of(InstanceNotFoundException.class, HttpStatus.NOT_FOUND, "INSTANCE_NOT_FOUND"))
                .orElse(ApiErrorMapping.of(AmbiguousInstanceException.class, HttpStatus.CONFLICT, "AMBIGUOUS_INSTANCE"))
                .orElse(ApiErrorMapping.of(
                        InvalidPageTokenException.class, HttpStatus.BAD_REQUEST, "INVALID_PAGE_TOKEN"))
                .orElse(ApiErrorMapping.of(
                        BadRequestException.class, HttpStatus.BAD_REQUEST, BadRequestException::code))
                .orElse(ApiErrorMapping.answering(
                        MethodArgumentTypeMismatchException.class,
                        e -> new ApiError("INVALID_PARAMETER", "parameter " + e.getName() + " has a wrong type")
                                .withStatus(HttpStatus.BAD_REQUEST)));
    }
}
