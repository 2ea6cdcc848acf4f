package io.crosspatch.identity.web;

import io.crosspatch.identity.enrollment.application.EnrollmentConflictException;
import io.crosspatch.identity.enrollment.application.EnrollmentsUnavailableException;
import io.crosspatch.identity.enrollment.domain.InvalidEnrollmentException;
import io.crosspatch.identity.onboarding.application.AccountOwnedByAnotherTenantException;
import io.crosspatch.identity.onboarding.application.CloudAccountNotFoundException;
import io.crosspatch.identity.onboarding.application.InvalidCloudAccountException;
import io.crosspatch.identity.onboarding.application.OffboardingUnavailableException;
import io.crosspatch.servicekit.web.error.ApiError;
import io.crosspatch.servicekit.web.error.ApiErrorMapping;
import io.crosspatch.servicekit.web.error.ApiExceptionHandler;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.converter.HttpMessageNotReadableException;

/**
 * identity-service's own exceptions as HTTP errors; everything else (Spring MVC's refusals, Cassandra out of reach,
 * defects) is answered by service-kit's {@link ApiExceptionHandler}. Bad input is always a 4xx.
 */
@Configuration(proxyBeanMethods = false)
class ApiErrorMappings {

    @Bean
    ApiErrorMapping identityApiErrors() {
        return ApiErrorMapping.of(
                        InvalidEnrollmentException.class, HttpStatus.BAD_REQUEST, InvalidEnrollmentException::code)
                .orElse(ApiErrorMapping.of(
                        EnrollmentConflictException.class, HttpStatus.CONFLICT, "ENROLLMENT_CONFLICT"))
                .orElse(ApiErrorMapping.unavailable(
                        EnrollmentsUnavailableException.class,
                        Duration.ofSeconds(5),
                        "enrollments cannot be accepted right now; retry later"))
                .orElse(ApiErrorMapping.of(
                        InvalidCloudAccountException.class, HttpStatus.BAD_REQUEST, InvalidCloudAccountException::code))
                .orElse(ApiErrorMapping.of(
                        AccountOwnedByAnotherTenantException.class,
                        HttpStatus.CONFLICT,
                        "ACCOUNT_OWNED_BY_ANOTHER_TENANT"))
                .orElse(ApiErrorMapping.of(
                        CloudAccountNotFoundException.class, HttpStatus.NOT_FOUND, "CLOUD_ACCOUNT_NOT_FOUND"))
                .orElse(ApiErrorMapping.unavailable(
                        OffboardingUnavailableException.class,
                        Duration.ofSeconds(5),
                        "the offboarding could not be recorded right now; retry later"))
                .orElse(ApiErrorMapping.answering(
                        HttpMessageNotReadableException.class,
                        e -> causedByOversizedBody(e)
                                ? new ApiError("PAYLOAD_TOO_LARGE", "the request body is too large")
                                        .withStatus(HttpStatus.PAYLOAD_TOO_LARGE)
                                : null));
    }

    /** A body cut off by {@link BodySizeLimitFilter} surfaces as an unreadable body; it is too large, not malformed. */
    private static boolean causedByOversizedBody(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof PayloadTooLargeException) {
                return true;
            }
        }
        return false;
    }
}
