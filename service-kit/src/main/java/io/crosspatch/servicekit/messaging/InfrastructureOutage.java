package io.crosspatch.servicekit.messaging;

import com.datastax.oss.driver.api.core.AllNodesFailedException;
import com.datastax.oss.driver.api.core.DriverTimeoutException;
import com.datastax.oss.driver.api.core.RequestThrottlingException;
import com.datastax.oss.driver.api.core.connection.BusyConnectionException;
import com.datastax.oss.driver.api.core.connection.ClosedConnectionException;
import com.datastax.oss.driver.api.core.connection.HeartbeatException;
import com.datastax.oss.driver.api.core.servererrors.BootstrappingException;
import com.datastax.oss.driver.api.core.servererrors.CASWriteUnknownException;
import com.datastax.oss.driver.api.core.servererrors.OverloadedException;
import com.datastax.oss.driver.api.core.servererrors.ReadTimeoutException;
import com.datastax.oss.driver.api.core.servererrors.UnavailableException;
import com.datastax.oss.driver.api.core.servererrors.WriteTimeoutException;
import io.crosspatch.schemas.serde.SchemaRegistryUnavailableException;
import java.util.List;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.common.errors.RetriableException;

/**
 * Tells a failure of the platform's own infrastructure — Cassandra out of reach or timing out, the broker not
 * acknowledging, the schema registry down — from a failure of the record. A record that failed because of an outage
 * is fine and must not be dead-lettered: it is retried until the outage ends, however long (the partition waits, and
 * its consumer lag shows it). A send the broker did not acknowledge in time ({@link TimeoutException}) counts too. The fault drills found the bounded back-off dead-lettering valid enrollments while
 * Cassandra restarted for a minute.
 */
public final class InfrastructureOutage {

    private static final List<Class<? extends Throwable>> OUTAGES = List.of(
            AllNodesFailedException.class, DriverTimeoutException.class, UnavailableException.class,
            ReadTimeoutException.class, WriteTimeoutException.class, CASWriteUnknownException.class,
            OverloadedException.class, BootstrappingException.class, ClosedConnectionException.class,
            HeartbeatException.class, BusyConnectionException.class, RequestThrottlingException.class,
            RetriableException.class, TimeoutException.class, SchemaRegistryUnavailableException.class);

    private InfrastructureOutage() {
    }

    /** Whether {@code failure} or any of its causes is an outage of Cassandra, Kafka or the schema registry. */
    public static boolean isOutage(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            for (Class<? extends Throwable> outage : OUTAGES) {
                if (outage.isInstance(cause)) {
                    return true;
                }
            }
        }
        return false;
    }
}
