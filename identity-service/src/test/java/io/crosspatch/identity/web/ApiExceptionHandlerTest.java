package io.crosspatch.identity.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.ConsistencyLevel;
import com.datastax.oss.driver.api.core.DriverTimeoutException;
import com.datastax.oss.driver.api.core.servererrors.WriteTimeoutException;
import com.datastax.oss.driver.api.core.servererrors.WriteType;
import java.lang.reflect.Method;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;

class ApiExceptionHandlerTest {

    private final ApiExceptionHandler handler = new ApiExceptionHandler();

    @Test
    void shouldAskTheVmToRetryWhenCassandraIsBrieflyOutOfReach() {
        ResponseEntity<Object> answer = handler.storeUnavailable(new DriverTimeoutException("Query timed out after PT2S"));

        assertThat(answer.getStatusCode().value()).isEqualTo(503);
        assertThat(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("2");
        assertThat(((ApiError) answer.getBody()).error()).isEqualTo("UNAVAILABLE");
    }

    @Test
    void shouldRouteCoordinatorTimeoutsOfLightweightTransactionsToTheRetryAnswer() {
        // an LWT claim that times out at the coordinator is a WriteTimeoutException (a QueryExecutionException)
        WriteTimeoutException timeout = new WriteTimeoutException(null, ConsistencyLevel.SERIAL, 0, 1, WriteType.CAS);

        assertThat(handledBy(timeout.getClass())).isEqualTo("storeUnavailable");
    }

    @Test
    void shouldKeepOtherFailuresA500() {
        assertThat(handledBy(IllegalStateException.class)).isEqualTo("unexpected");
    }

    /** The handler method Spring would pick: the one declaring the closest superclass of {@code type}. */
    private static String handledBy(Class<?> type) {
        for (Class<?> candidate = type; candidate != null; candidate = candidate.getSuperclass()) {
            Class<?> current = candidate;
            for (Method method : ApiExceptionHandler.class.getDeclaredMethods()) {
                ExceptionHandler annotation = method.getAnnotation(ExceptionHandler.class);
                if (annotation != null && Arrays.asList(annotation.value()).contains(current)) {
                    return method.getName();
                }
            }
        }
        return "none";
    }
}
