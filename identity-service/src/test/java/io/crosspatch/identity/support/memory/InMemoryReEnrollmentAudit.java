package io.crosspatch.identity.support.memory;

import io.crosspatch.identity.verification.application.ReEnrollmentAudit;
import io.crosspatch.identity.verification.domain.ReEnrollment;
import io.crosspatch.kernel.CloudProvider;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** {@link ReEnrollmentAudit} in memory: every entry kept, newest first per instance. */
final class InMemoryReEnrollmentAudit implements ReEnrollmentAudit {

    private final List<ReEnrollment> entries = new ArrayList<>();

    @Override
    public synchronized void record(ReEnrollment entry) {
        entries.add(entry);
    }

    @Override
    public synchronized List<ReEnrollment> ofInstance(
            CloudProvider provider, String cloudAccountId, String instanceId) {
        return entries.stream()
                .filter(entry -> entry.provider() == provider
                        && entry.cloudAccountId().equals(cloudAccountId)
                        && entry.instanceId().equals(instanceId))
                .sorted(Comparator.comparing(ReEnrollment::releasedAt).reversed())
                .toList();
    }
}
