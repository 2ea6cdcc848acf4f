package io.crosspatch.servicekit.web.error;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * How a service answers its own features' exceptions (an invalid enrollment is {@code 400} with the enrollment's
 * code, an unknown instance {@code 404 INSTANCE_NOT_FOUND}…). A service declares one as a bean and
 * {@link ApiExceptionHandler}, the one advice, consults it before its own rules; everything the mapping does not
 * know is answered by those rules. Kept as a function rather than a second advice per service because two advices
 * that both catch {@code Exception} answer in whichever order Spring happens to find them.
 */
@FunctionalInterface
public interface ApiErrorMapping {

    /** The answer to {@code failure}, or {@code null} when it is not one this mapping knows. */
    @Nullable
    ResponseEntity<ApiError> answer(Throwable failure);

    /** This mapping's answer, or {@code next}'s when this one has none. */
    default ApiErrorMapping orElse(ApiErrorMapping next) {
        return failure -> {
            @Nullable ResponseEntity<ApiError> answer = answer(failure);
            return answer != null ? answer : next.answer(failure);
        };
    }

    /** {@code type} (and its subtypes) answered by {@code answer}; the function may return null to decline. */
    static <E extends Throwable> ApiErrorMapping answering(
            Class<E> type, Function<? super E, ResponseEntity<ApiError>> answer) {
        return failure -> type.isInstance(failure) ? answer.apply(type.cast(failure)) : null;
    }

    /** {@code type} answered with {@code status}, the code the exception carries, and its message. */
    static <E extends Throwable> ApiErrorMapping of(
            Class<E> type, HttpStatus status, Function<? super E, String> code) {
        return answering(
                type,
                e -> new ApiError(code.apply(e), Objects.requireNonNullElse(e.getMessage(), status.getReasonPhrase()))
                        .withStatus(status));
    }

    /** {@code type} answered with {@code status}, a fixed code, and the exception's message. */
    static ApiErrorMapping of(Class<? extends Throwable> type, HttpStatus status, String code) {
        return of(type, status, e -> code);
    }

    /**
     * {@code type} says a dependency is away (the broker did not acknowledge, AWS throttles): {@code 503
     * UNAVAILABLE} with {@code Retry-After}, so the client retries, and a warning in the log rather than a stack.
     */
    static ApiErrorMapping unavailable(Class<? extends Throwable> type, Duration retryAfter, String message) {
        Logger log = LoggerFactory.getLogger(ApiErrorMapping.class);
        return answering(type, e -> {
            log.warn("answered 503: {}", e.toString());
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .header(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter.toSeconds()))
                    .body(new ApiError("UNAVAILABLE", message));
        });
    }
}
