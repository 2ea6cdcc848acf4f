package io.crosspatch.reporting.compliance.application;

import io.crosspatch.reporting.compliance.domain.EnrollmentFailure;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What the reporting API reads from the read model. Every call stays inside the asking tenant's data: no filter
 * or page token can reach another tenant's instances.
 */
public interface ReadModelReader {

    /**
     * One page of a tenant's instances.
     *
     * @param pageToken the token of the page before, null for the first page; one this reader did not issue for
     *                  the same tenant and filters is refused
     */
    InstancePage instances(String tenantId, InstanceFilter filter, int pageSize, @Nullable String pageToken);

    /** The instances of a tenant with this provider instance id: one, or several only across cloud accounts. */
    List<InstanceUpdates> updates(String tenantId, String instanceId);

    /** The tenant's enrollments that never became instances (at most 1,000). */
    List<EnrollmentFailure> enrollmentFailures(String tenantId);
}
