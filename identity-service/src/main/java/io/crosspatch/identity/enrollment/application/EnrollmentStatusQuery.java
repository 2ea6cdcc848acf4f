package io.crosspatch.identity.enrollment.application;

import io.crosspatch.identity.enrollment.domain.ActivationGrant;
import io.crosspatch.identity.enrollment.domain.EnrollmentProgress;
import io.crosspatch.identity.enrollment.persistence.EnrollmentRepository;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.stereotype.Service;

/**
 * Answers a polling VM. Only the holder of the secret learns anything: an unknown id and a wrong secret are the same
 * empty answer. The activation code is decrypted here, for this answer only; it is stored encrypted.
 */
@Service
public class EnrollmentStatusQuery {

    private static final Logger log = LoggerFactory.getLogger(EnrollmentStatusQuery.class);
    private static final Pattern ENROLLMENT_ID = Pattern.compile("enr-[0-9a-f]{32}");

    private final EnrollmentRepository enrollments;
    private final ActivationCodeDecrypter decrypter;

    public EnrollmentStatusQuery(EnrollmentRepository enrollments, ActivationCodeDecrypter decrypter) {
        this.enrollments = enrollments;
        this.decrypter = decrypter;
    }

    public Optional<EnrollmentView> status(String enrollmentId, String presentedSecret) {
        if (enrollmentId == null || !ENROLLMENT_ID.matcher(enrollmentId).matches() || presentedSecret == null) {
            return Optional.empty();
        }
        try (MDC.MDCCloseable ignored = MDC.putCloseable("enrollmentId", enrollmentId)) {
            return enrollments.find(enrollmentId)
                    .filter(progress -> progress.secretHash() != null && progress.secretHash().matches(presentedSecret))
                    .map(this::view);
        }
    }

    private EnrollmentView view(EnrollmentProgress progress) {
        return new EnrollmentView(progress.enrollmentId(), progress.status(),
                progress.failure() == null ? null : progress.failure().reason(),
                delivered(progress.deliverableActivation()), progress.managedInstanceId());
    }

    private EnrollmentView.DeliveredActivation delivered(ActivationGrant grant) {
        if (grant == null) {
            return null;
        }
        try {
            return new EnrollmentView.DeliveredActivation(grant.activationId(), decrypter.decrypt(grant.encryptedCode()),
                    grant.region());
        } catch (IllegalArgumentException e) {
            log.error("activation {} cannot be decrypted with the configured keys (key id {}): {}",
                    grant.activationId(), grant.keyId(), e.getMessage());
            return null;
        }
    }
}
