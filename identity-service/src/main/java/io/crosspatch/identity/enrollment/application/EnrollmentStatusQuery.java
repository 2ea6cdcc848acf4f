package io.crosspatch.identity.enrollment.application;

import io.crosspatch.identity.enrollment.domain.ActivationGrant;
import io.crosspatch.identity.enrollment.domain.EnrollmentProgress;
import io.crosspatch.kernel.TextShape;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
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
    private static final String ID_PREFIX = "enr-";
    private static final int ID_HEX_CHARS = 32;

    private final Enrollments enrollments;
    private final ActivationCodeDecrypter decrypter;

    public EnrollmentStatusQuery(Enrollments enrollments, ActivationCodeDecrypter decrypter) {
        this.enrollments = enrollments;
        this.decrypter = decrypter;
    }

    public Optional<EnrollmentView> status(String enrollmentId, @Nullable String presentedSecret) {
        if (!wellFormedId(enrollmentId) || presentedSecret == null) {
            return Optional.empty();
        }
        try (MDC.MDCCloseable ignored = MDC.putCloseable("enrollmentId", enrollmentId)) {
            return enrollments
                    .find(enrollmentId)
                    .filter(progress -> progress.secretHash() != null
                            && progress.secretHash().matches(presentedSecret))
                    .map(this::view);
        }
    }

    /** {@code enr-} and 32 lower-case hex digits, as {@code EnrollmentKey} makes them. */
    private static boolean wellFormedId(String enrollmentId) {
        return enrollmentId != null
                && enrollmentId.length() == ID_PREFIX.length() + ID_HEX_CHARS
                && enrollmentId.startsWith(ID_PREFIX)
                && TextShape.of(
                        enrollmentId.substring(ID_PREFIX.length()), ID_HEX_CHARS, ID_HEX_CHARS, TextShape.HEX_LOWER);
    }

    private EnrollmentView view(EnrollmentProgress progress) {
        return new EnrollmentView(
                progress.enrollmentId(),
                progress.status(),
                progress.failure() == null ? null : progress.failure().reason(),
                delivered(progress.deliverableActivation()),
                progress.managedInstanceId());
    }

    private EnrollmentView.@Nullable DeliveredActivation delivered(@Nullable ActivationGrant grant) {
        if (grant == null) {
            return null;
        }
        try {
            return new EnrollmentView.DeliveredActivation(
                    grant.activationId(), decrypter.decrypt(grant.encryptedCode()), grant.region());
        } catch (IllegalArgumentException e) {
            log.error(
                    "activation {} cannot be decrypted with the configured keys (key id {}): {}",
                    grant.activationId(),
                    grant.keyId(),
                    e.getMessage());
            return null;
        }
    }
}
