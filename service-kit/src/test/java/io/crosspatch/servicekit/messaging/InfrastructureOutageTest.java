package io.crosspatch.servicekit.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.RETURNS_MOCKS;
import static org.mockito.Mockito.mock;

import com.datastax.oss.driver.api.core.AllNodesFailedException;
import com.datastax.oss.driver.api.core.ConsistencyLevel;
import com.datastax.oss.driver.api.core.NodeUnavailableException;
import com.datastax.oss.driver.api.core.metadata.Node;
import com.datastax.oss.driver.api.core.servererrors.InvalidQueryException;
import com.datastax.oss.driver.api.core.servererrors.WriteTimeoutException;
import com.datastax.oss.driver.api.core.servererrors.WriteType;
import io.crosspatch.schemas.serde.UnknownSchemaIdException;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.listener.ListenerExecutionFailedException;

class InfrastructureOutageTest {

    @Test
    void shouldRecogniseCassandraOutOfReachBehindTheWrappersAListenerFailureArrivesIn() {
        AllNodesFailedException noNode = AllNodesFailedException.fromErrors(Map.of());
        Throwable failure = new ListenerExecutionFailedException(
                "listener failed", new IllegalStateException("could not claim the enrollment", noNode));

        assertThat(InfrastructureOutage.isOutage(failure)).isTrue();
    }

    @Test
    void shouldRecogniseAnLwtWhoseOutcomeIsUnknownAndABrokerThatDidNotAcknowledge() {
        assertThat(InfrastructureOutage.isOutage(
                        new WriteTimeoutException(null, ConsistencyLevel.SERIAL, 0, 1, WriteType.CAS)))
                .isTrue();
        assertThat(InfrastructureOutage.isOutage(new IllegalStateException(
                        "could not publish to account.ready",
                        new ExecutionException(new org.apache.kafka.common.errors.TimeoutException("expired")))))
                .isTrue();
        assertThat(InfrastructureOutage.isOutage(
                        new IllegalStateException("could not publish", new TimeoutException())))
                .isTrue();
    }

    @Test
    void shouldRecogniseANodeWithNoConnectionLeft() {
        // what the driver throws while the only node restarts, besides NoNodeAvailableException
        assertThat(InfrastructureOutage.isOutage(new IllegalStateException(
                        "could not claim", new NodeUnavailableException(mock(Node.class, RETURNS_MOCKS)))))
                .isTrue();
    }

    @Test
    void shouldLeaveFailuresOfTheRecordItselfToTheBoundedRetries() {
        assertThat(InfrastructureOutage.isOutage(new IllegalArgumentException("no such tenant")))
                .isFalse();
        assertThat(InfrastructureOutage.isOutage(new InvalidQueryException(null, "unconfigured table")))
                .isFalse();
        assertThat(InfrastructureOutage.isOutage(new UnknownSchemaIdException(876_543)))
                .isFalse();
    }
}
