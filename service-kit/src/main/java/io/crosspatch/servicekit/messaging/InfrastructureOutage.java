package io.crosspatch.servicekit.messaging;

import com.datastax.oss.driver.api.core.DriverException;
import com.datastax.oss.driver.api.core.InvalidKeyspaceException;
import com.datastax.oss.driver.api.core.servererrors.FunctionFailureException;
import com.datastax.oss.driver.api.core.servererrors.QueryValidationException;
import com.datastax.oss.driver.api.core.type.codec.CodecNotFoundException;
import io.crosspatch.schemas.serde.SchemaRegistryUnavailableException;
import java.util.List;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.common.errors.RetriableException;

/**
 * Tells a failure of the platform's own infrastructure — Cassandra out of reach or timing out, the broker not
 * acknowledging, the schema registry down — from a failure of the record. A record that failed because of an outage
 * is fine and must not be dead-lettered: it is retried until the outage ends, however long (the partition waits, and
 * its consumer lag shows it). The fault drills found the bounded back-off dead-lettering valid enrollments while
 * Cassandra restarted for a minute.
 *
 * <p>Every Cassandra driver failure counts except those that say the request itself is wrong (invalid query, no
 * codec, unknown keyspace, a failing function): the driver has many ways of saying "the node is gone" (no node
 * available, node unavailable, connection closed, heartbeat lost, timeouts, overloaded, bootstrapping), and retrying
 * one of them too long costs a stalled partition, while dead-lettering it loses an event for good. A send the broker
 * did not acknowledge ({@link RetriableException}, or a {@link TimeoutException} waiting for the ack) counts too.
 */
public final class InfrastructureOutage {

    private static final List<Class<? extends Throwable>> OUTAGES = List.of(
            DriverException.class,
            RetriableException.class,
            TimeoutException.class,
            SchemaRegistryUnavailableException.class);

    /** Driver failures that say the request is wrong, not that Cassandra is away: retrying cannot help them. */
    private static final List<Class<? extends Throwable>> REQUEST_ERRORS = List.of(
            QueryValidationException.class,
            CodecNotFoundException.class,
            InvalidKeyspaceException.class,
            FunctionFailureException.class);

    private InfrastructureOutage() {}

    /** Whether {@code failure} or any of its causes is an outage of Cassandra, Kafka or the schema registry. */
    public static boolean isOutage(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (isAny(cause, OUTAGES) && !isAny(cause, REQUEST_ERRORS)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isAny(Throwable failure, List<Class<? extends Throwable>> types) {
        return types.stream().anyMatch(type -> type.isInstance(failure));
    }
}
