package io.crosspatch.identity.verification.application;

import io.crosspatch.identity.enrollment.application.EnrollmentProgressRecorder;
import io.crosspatch.identity.onboarding.application.CloudAccountDirectory;
import io.crosspatch.identity.verification.domain.RetirementRequest;
import io.crosspatch.kernel.CloudAccountKey;
import io.crosspatch.kernel.CloudProvider;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Retirement as identity-service sees it. An admin asks for an instance to be retired: the request is audited first
 * (so none goes unrecorded) and then handed to patching-service, which does the retiring. When patching-service says
 * an instance is retired, its enroll-once claim is released (only the claim of the retired enrollment, so a later
 * enrollment's claim is never dropped by a late event) and the enrollment's status turns RETIRED, so the VM that
 * polls it, or reruns the startup script, knows to enroll afresh.
 */
@Service
public class InstanceRetirements {

    private static final Logger log = LoggerFactory.getLogger(InstanceRetirements.class);

    private final CloudAccountDirectory accounts;
    private final InstanceClaims claims;
    private final RetirementAudit audit;
    private final RetirementRequestPublisher publisher;
    private final EnrollmentProgressRecorder progress;
    private final Clock clock;

    public InstanceRetirements(
            CloudAccountDirectory accounts,
            InstanceClaims claims,
            RetirementAudit audit,
            RetirementRequestPublisher publisher,
            EnrollmentProgressRecorder progress,
            Clock clock) {
        this.accounts = accounts;
        this.claims = claims;
        this.audit = audit;
        this.publisher = publisher;
        this.progress = progress;
        this.clock = clock;
    }

    /**
     * Asks for the instance to be retired. Empty when the cloud account is not {@code tenantId}'s or the instance
     * never enrolled there (the caller answers 404 for both, so it learns nothing about other tenants). An instance
     * already asked for (its claim released since) may be asked for again: patching-service finds nothing left to do.
     */
    public Optional<RetirementRequest> request(
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
        boolean known = !claims.claimsOf(provider, cloudAccountId, instanceId).isEmpty()
                || !audit.ofInstance(provider, cloudAccountId, instanceId).isEmpty();
        if (!known) {
            return Optional.empty();
        }
        RetirementRequest request = new RetirementRequest(
                UUID.randomUUID().toString(),
                tenantId,
                provider,
                cloudAccountId,
                instanceId,
                clock.instant(),
                admin,
                reason);
        audit.record(request);
        publisher.publish(request);
        log.info(
                "retirement {} of instance {} of {} requested by {}",
                request.requestId(),
                instanceId,
                accountKey,
                admin);
        return Optional.of(request);
    }

    /** patching-service retired the instance's enrollment: release its claim and settle its status as RETIRED. */
    public void retired(
            CloudProvider provider,
            String cloudAccountId,
            String instanceId,
            @Nullable String enrollmentId,
            String reason,
            Instant at) {
        if (enrollmentId == null) {
            log.warn(
                    "instance {} of {} retired without an enrollment id; no claim to release",
                    instanceId,
                    cloudAccountId);
            return;
        }
        int released = claims.releaseHeldBy(provider, cloudAccountId, instanceId, enrollmentId);
        progress.retired(enrollmentId, reason, at);
        log.info(
                "instance {} of {} retired ({}): {} claim(s) of enrollment {} released",
                instanceId,
                new CloudAccountKey(provider, cloudAccountId),
                reason,
                released,
                enrollmentId);
    }
}
