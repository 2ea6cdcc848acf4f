package io.crosspatch.identity.enrollment.application;

import io.crosspatch.identity.enrollment.domain.EnrollmentKey;
import io.crosspatch.identity.enrollment.domain.EnrollmentProgress;
import io.crosspatch.identity.enrollment.domain.EnrollmentRequest;
import io.crosspatch.identity.enrollment.domain.EnrollmentStatus;
import io.crosspatch.identity.enrollment.domain.InvalidEnrollmentException;
import io.crosspatch.identity.enrollment.domain.SecretHash;
import io.crosspatch.identity.enrollment.domain.Submission;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.stereotype.Service;

/**
 * Accepts a syntactically valid enrollment: refuses a JWT identity whose key id its issuer certainly does not
 * publish ({@link SignerScreen}; a flood of forged tokens then costs no Cassandra or Kafka work), derives its id, claims it (so a retry is recognised and a different
 * request under the same id is a conflict), and publishes it for the verifier. A retry of an enrollment still
 * PENDING is published again (the first publish may have failed; the verifier is idempotent by id); one that got
 * further is answered with its status and not published again.
 */
@Service
public class EnrollmentIntake {

    private static final Logger log = LoggerFactory.getLogger(EnrollmentIntake.class);

    private final Enrollments enrollments;
    private final UnverifiedClaims claims;
    private final EnrollmentRequestPublisher publisher;
    private final SignerScreen signers;
    private final Clock clock;

    public EnrollmentIntake(
            Enrollments enrollments,
            UnverifiedClaims claims,
            EnrollmentRequestPublisher publisher,
            SignerScreen signers,
            Clock clock) {
        this.enrollments = enrollments;
        this.claims = claims;
        this.publisher = publisher;
        this.signers = signers;
        this.clock = clock;
    }

    /**
     * @throws InvalidEnrollmentException {@code UNTRUSTED_SIGNER} if the identity names a key its issuer certainly
     *                                    does not publish
     */
    public Acceptance accept(Submission submission, String sourceAddress) {
        EnrollmentRequest request = submission.request();
        if (signers.screen(request) == SignerScreen.Answer.UNKNOWN_KEY_ID) {
            log.debug(
                    "enrollment refused: key id not published by its issuer (provider {}, source {})",
                    request.provider().wireName(),
                    sourceAddress);
            throw new InvalidEnrollmentException(
                    "UNTRUSTED_SIGNER", "the identity is signed with a key its issuer does not publish");
        }
        EnrollmentKey key = EnrollmentKey.of(submission, claims.instanceOf(request));
        SecretHash secretHash = submission.secretHash();
        try (MDC.MDCCloseable ignored = MDC.putCloseable("enrollmentId", key.enrollmentId())) {
            Instant now = clock.instant();
            Optional<EnrollmentProgress> existing =
                    enrollments.claim(key.enrollmentId(), secretHash, key.fingerprint(), request.provider(), now);
            if (existing.isPresent()) {
                EnrollmentProgress known = existing.get();
                if (!key.fingerprint().equals(known.fingerprint())
                        || known.secretHash() == null
                        || !known.secretHash().matches(submission.secret())) {
                    log.info(
                            "enrollment request conflicts with the recorded one (provider {}, source {})",
                            request.provider().wireName(),
                            sourceAddress);
                    throw new EnrollmentConflictException();
                }
                if (known.status() != EnrollmentStatus.PENDING) {
                    log.debug("retry of an enrollment already {}", known.status());
                    return new Acceptance(key.enrollmentId(), known.status(), false);
                }
                log.debug("retry of a pending enrollment; publishing it again");
            }
            publisher.publish(key.enrollmentId(), request, secretHash, sourceAddress, now);
            log.debug(
                    "enrollment accepted (provider {}, source {})",
                    request.provider().wireName(),
                    sourceAddress);
            return new Acceptance(key.enrollmentId(), EnrollmentStatus.PENDING, true);
        }
    }
}
