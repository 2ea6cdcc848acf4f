package io.crosspatch.identity.verification.application;

import io.crosspatch.identity.onboarding.application.CloudAccountDirectory;
import io.crosspatch.identity.verification.domain.ReEnrollment;
import io.crosspatch.kernel.CloudAccountKey;
import io.crosspatch.kernel.CloudProvider;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The one way around trust on first use: an admin of the platform releases an instance's claim so that its next
 * enrollment passes (a rebuilt VM, a lost secret). The audit row is written before the claim is dropped, so no
 * release ever goes unrecorded.
 */
@Service
public class ReEnrollmentService {

    private static final Logger log = LoggerFactory.getLogger(ReEnrollmentService.class);

    private final CloudAccountDirectory accounts;
    private final InstanceClaims claims;
    private final ReEnrollmentAudit audit;
    private final Clock clock;

    public ReEnrollmentService(
            CloudAccountDirectory accounts, InstanceClaims claims, ReEnrollmentAudit audit, Clock clock) {
        this.accounts = accounts;
        this.claims = claims;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Releases the instance's claim(s). Empty when the cloud account is not {@code tenantId}'s or the instance never
     * enrolled (the caller answers 404 for both, so it learns nothing about other tenants).
     */
    public Optional<ReEnrollment> release(
            String tenantId,
            CloudProvider provider,
            String cloudAccountId,
            String instanceId,
            String reason,
            String admin) {
        CloudAccountKey accountKey = new CloudAccountKey(provider, cloudAccountId);
        boolean ownAccount = accounts.find(accountKey)
                .filter(account -> account.tenantId().equals(tenantId))
                .isPresent();
        if (!ownAccount) {
            return Optional.empty();
        }
        List<InstanceClaims.Claim> held = claims.claimsOf(provider, cloudAccountId, instanceId);
        if (held.isEmpty()) {
            return Optional.empty();
        }
        ReEnrollment entry = new ReEnrollment(
                tenantId,
                provider,
                cloudAccountId,
                instanceId,
                clock.instant(),
                admin,
                reason,
                held.stream().map(InstanceClaims.Claim::enrollmentId).distinct().toList());
        audit.record(entry);
        claims.release(provider, cloudAccountId, instanceId);
        log.info(
                "instance {} of {} released for re-enrollment by {} (previous enrollments {})",
                instanceId,
                accountKey,
                admin,
                entry.previousEnrollmentIds());
        return Optional.of(entry);
    }
}
