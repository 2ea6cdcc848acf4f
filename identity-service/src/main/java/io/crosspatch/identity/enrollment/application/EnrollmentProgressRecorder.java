package io.crosspatch.identity.enrollment.application;

import io.crosspatch.identity.enrollment.domain.ActivationGrant;
import io.crosspatch.identity.enrollment.domain.EnrollmentStatus;
import io.crosspatch.kernel.CloudAccountKey;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Records each stage an enrollment reaches, from the events of the stages that decide it. Every write is an upsert
 * of that stage's facts with the event's time, so a redelivered or late event changes nothing it should not.
 */
@Service
public class EnrollmentProgressRecorder {

    private static final Logger log = LoggerFactory.getLogger(EnrollmentProgressRecorder.class);

    private final Enrollments enrollments;

    public EnrollmentProgressRecorder(Enrollments enrollments) {
        this.enrollments = enrollments;
    }

    public void verified(String enrollmentId, String tenantId, CloudAccountKey cloudAccount, Instant at) {
        enrollments.verified(enrollmentId, tenantId, cloudAccount, at);
        log.debug("enrollment verified for tenant {}", tenantId);
    }

    public void accountReady(String enrollmentId, Instant at) {
        enrollments.accountReady(enrollmentId, at);
        log.debug("enrollment's system account ready");
    }

    public void activationIssued(String enrollmentId, ActivationGrant grant, Instant at) {
        enrollments.activationIssued(enrollmentId, grant, at);
        log.debug("activation {} issued", grant.activationId());
    }

    public void registered(String enrollmentId, String managedInstanceId, Instant at) {
        enrollments.registered(enrollmentId, managedInstanceId, at);
        log.debug("registered as {}", managedInstanceId);
    }

    /**
     * The enrollment's instance was retired: the status turns RETIRED (recorded as the enrollment's end, like a
     * failure, so it settles the status whatever arrived before), with the retirement's reason as its reason.
     */
    public void retired(String enrollmentId, String reason, Instant at) {
        enrollments.failed(enrollmentId, EnrollmentStatus.RETIRED, reason, at);
        log.info("enrollment retired ({})", reason);
    }

    /** @param rejected whether verification refused the identity (REJECTED) rather than a later stage failing */
    public void failed(String enrollmentId, boolean rejected, String reasonCode, Instant at) {
        enrollments.failed(
                enrollmentId, rejected ? EnrollmentStatus.REJECTED : EnrollmentStatus.FAILED, reasonCode, at);
        log.info("enrollment {} ({})", rejected ? "rejected" : "failed", reasonCode);
    }
}
