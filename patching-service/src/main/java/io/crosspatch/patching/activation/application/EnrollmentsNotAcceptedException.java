package io.crosspatch.patching.activation.application;

import java.util.Set;

/**
 * Some enrollments of a batch could not be handled for a reason that may pass (AWS unavailable after the SDK's
 * retries, Kafka or Cassandra down): they are to be redelivered. Every other enrollment of the batch was handled.
 */
public class EnrollmentsNotAcceptedException extends RuntimeException {

    private final Set<String> enrollmentIds;

    public EnrollmentsNotAcceptedException(Set<String> enrollmentIds, Throwable cause) {
        super(enrollmentIds.size() + " enrollments could not be handled: " + cause.getMessage(), cause);
        this.enrollmentIds = Set.copyOf(enrollmentIds);
    }

    public Set<String> enrollmentIds() {
        return enrollmentIds;
    }
}
