package io.crosspatch.identity.verification.domain;

import io.crosspatch.kernel.CloudProvider;
import java.time.Instant;
import java.util.List;

/**
 * An audited release of an instance's trust-on-first-use claim: which admin let the instance enroll again, when,
 * why, and which enrollment(s) held it until then.
 */
public record ReEnrollment(
        String tenantId,
        CloudProvider provider,
        String cloudAccountId,
        String instanceId,
        Instant releasedAt,
        String releasedBy,
        String reason,
        List<String> previousEnrollmentIds) {

    public ReEnrollment {
        previousEnrollmentIds = previousEnrollmentIds == null ? List.of() : List.copyOf(previousEnrollmentIds);
    }
}
