package io.crosspatch.identity.verification.application;

import io.crosspatch.identity.verification.domain.RetirementRequest;
import io.crosspatch.kernel.CloudProvider;
import java.util.List;

/** The audit trail of retirement requests, newest first per instance; entries are never changed or removed. */
public interface RetirementAudit {

    void record(RetirementRequest request);

    List<RetirementRequest> ofInstance(CloudProvider provider, String cloudAccountId, String instanceId);
}
