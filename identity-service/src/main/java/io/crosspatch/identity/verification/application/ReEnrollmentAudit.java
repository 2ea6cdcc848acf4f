package io.crosspatch.identity.verification.application;

import io.crosspatch.identity.verification.domain.ReEnrollment;
import io.crosspatch.kernel.CloudProvider;
import java.util.List;

/** The audit trail of re-enrollments, newest first per instance; entries are never changed or removed. */
public interface ReEnrollmentAudit {

    void record(ReEnrollment entry);

    List<ReEnrollment> ofInstance(CloudProvider provider, String cloudAccountId, String instanceId);
}
