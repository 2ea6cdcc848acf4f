package io.crosspatch.identity.verification.web;

import io.crosspatch.identity.role.IngressRole;
import io.crosspatch.identity.verification.application.ReEnrollmentService;
import io.crosspatch.identity.verification.domain.ReEnrollment;
import io.crosspatch.kernel.CloudProvider;
import java.security.Principal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /v1/admin/tenants/{tenantId}/instances/{provider}/{cloudAccountId}/{instanceId}/re-enrollment}: the
 * audited release of an instance's trust-on-first-use claim. The admin role is enforced by the service's security
 * filter chain for {@code /v1/admin/**}; the audit names the token's subject.
 */
@RestController
@IngressRole
class ReEnrollmentController {

    /** Body: why the instance may enroll again (required, shown in the audit). */
    public record ReEnrollmentRequest(String reason) {}

    /** Answer: what was released. */
    public record ReEnrollmentResponse(
            String tenantId,
            String provider,
            String cloudAccountId,
            String instanceId,
            Instant releasedAt,
            String releasedBy,
            String reason,
            List<String> previousEnrollmentIds) {

        static ReEnrollmentResponse of(ReEnrollment entry) {
            return new ReEnrollmentResponse(
                    entry.tenantId(),
                    entry.provider().wireName(),
                    entry.cloudAccountId(),
                    entry.instanceId(),
                    entry.releasedAt(),
                    entry.releasedBy(),
                    entry.reason(),
                    entry.previousEnrollmentIds());
        }
    }

    private final ReEnrollmentService reEnrollments;

    public ReEnrollmentController(ReEnrollmentService reEnrollments) {
        this.reEnrollments = reEnrollments;
    }

    @PostMapping(
            path = "/v1/admin/tenants/{tenantId}/instances/{provider}/{cloudAccountId}/{instanceId}/re-enrollment",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<?> reEnroll(
            @PathVariable String tenantId,
            @PathVariable String provider,
            @PathVariable String cloudAccountId,
            @PathVariable String instanceId,
            @RequestBody(required = false) ReEnrollmentRequest body,
            Principal admin) {
        if (admin == null) {
            return AdminRequests.error(HttpStatus.UNAUTHORIZED, "UNAUTHORIZED", "an admin bearer token is required");
        }
        Optional<CloudProvider> cloud = AdminRequests.provider(provider);
        if (cloud.isEmpty()) {
            return AdminRequests.error(HttpStatus.NOT_FOUND, "NOT_FOUND", "no such instance");
        }
        Optional<String> given = AdminRequests.reason(body == null ? null : body.reason());
        if (given.isEmpty()) {
            return AdminRequests.invalidReason();
        }
        String reason = given.get();
        return reEnrollments
                .release(tenantId, cloud.get(), cloudAccountId, instanceId, reason, admin.getName())
                .<ResponseEntity<?>>map(entry -> ResponseEntity.ok(ReEnrollmentResponse.of(entry)))
                .orElseGet(() -> AdminRequests.error(HttpStatus.NOT_FOUND, "NOT_FOUND", "no such instance"));
    }
}
