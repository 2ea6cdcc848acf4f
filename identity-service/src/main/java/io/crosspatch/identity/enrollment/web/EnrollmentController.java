package io.crosspatch.identity.enrollment.web;

import io.crosspatch.identity.enrollment.application.Acceptance;
import io.crosspatch.identity.enrollment.application.EnrollmentIntake;
import io.crosspatch.identity.enrollment.application.EnrollmentStatusQuery;
import io.crosspatch.identity.enrollment.domain.EnrollmentRequestRules;
import io.crosspatch.identity.enrollment.domain.EnrollmentStatus;
import io.crosspatch.identity.enrollment.domain.InvalidEnrollmentException;
import io.crosspatch.identity.enrollment.domain.Submission;
import io.crosspatch.identity.role.IngressRole;
import io.crosspatch.kernel.CloudProvider;
import io.crosspatch.servicekit.web.error.ApiError;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The VMs' side of enrollment: {@code POST /v1/enrollments} (checked for shape only, published, answered 202 once
 * the broker has it) and {@code GET /v1/enrollments/{id}}, whose bearer is the enrollment secret. An unknown id, a
 * missing or wrong secret all get the same 404.
 */
@RestController
@IngressRole
class EnrollmentController {

    private static final String BEARER = "Bearer ";
    private static final ApiError NOT_FOUND = new ApiError("NOT_FOUND", "no such enrollment");

    private final EnrollmentIntake intake;
    private final EnrollmentStatusQuery query;

    public EnrollmentController(EnrollmentIntake intake, EnrollmentStatusQuery query) {
        this.intake = intake;
        this.query = query;
    }

    @PostMapping(path = "/v1/enrollments", consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<AcceptedView> enroll(@RequestBody EnrollmentBody body, HttpServletRequest http) {
        if (body == null) {
            throw new InvalidEnrollmentException("INVALID_JSON", "the body must be a JSON object");
        }
        CloudProvider provider = EnrollmentRequestRules.provider(body.provider());
        Submission submission = EnrollmentRequestRules.check(
                provider,
                body.identity() == null ? null : body.identity().material(provider),
                body.host() == null ? null : body.host().facts(),
                body.labels(),
                body.enrollmentSecret());
        Acceptance acceptance = intake.accept(submission, http.getRemoteAddr());
        String statusUrl = "/v1/enrollments/" + acceptance.enrollmentId();
        HttpStatus status = acceptance.status() == EnrollmentStatus.PENDING ? HttpStatus.ACCEPTED : HttpStatus.OK;
        return ResponseEntity.status(status)
                .location(URI.create(statusUrl))
                .cacheControl(CacheControl.noStore())
                .body(new AcceptedView(acceptance.enrollmentId(), acceptance.status(), statusUrl));
    }

    @GetMapping("/v1/enrollments/{enrollmentId}")
    public ResponseEntity<?> status(
            @PathVariable String enrollmentId,
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
        String secret = authorization != null && authorization.startsWith(BEARER)
                ? authorization.substring(BEARER.length()).strip()
                : null;
        return query.status(enrollmentId, secret)
                .<ResponseEntity<?>>map(view ->
                        ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(StatusView.of(view)))
                .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND).body(NOT_FOUND));
    }

    /** The answer to an accepted enrollment. */
    public record AcceptedView(String enrollmentId, EnrollmentStatus status, String statusUrl) {}
}
