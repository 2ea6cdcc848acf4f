package io.crosspatch.identity.verification.web;

import io.crosspatch.identity.role.IngressRole;
import io.crosspatch.identity.verification.application.InstanceRetirements;
import io.crosspatch.identity.verification.application.RetirementUnavailableException;
import io.crosspatch.identity.verification.domain.RetirementRequest;
import io.crosspatch.kernel.CloudProvider;
import java.security.Principal;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /v1/admin/tenants/{tenantId}/instances/{provider}/{cloudAccountId}/{instanceId}/retirement}: an admin
 * asks for one instance to be retired (deregistered from SSM, its activation deleted, no longer counted, free to
 * enroll again). Audited with the token's subject, then handed to patching-service; {@code 202} with the request id,
 * as the retirement itself follows asynchronously. The admin role is enforced by the security chain of
 * {@code /v1/admin/**}.
 */
@RestController
@IngressRole
class RetirementController {

    /** Body: why the instance is retired (required, shown in the audit). */
    public record RetirementBody(String reason) {}

    /** Answer: the request and what it is about. */
    public record RetirementAccepted(
            String requestId,
            String tenantId,
            String provider,
            String cloudAccountId,
            String instanceId,
            Instant requestedAt,
            String requestedBy,
            String reason) {

        static RetirementAccepted of(RetirementRequest request) {
            return new RetirementAccepted(
                    request.requestId(),
                    request.tenantId(),
                    request.provider().wireName(),
                    request.cloudAccountId(),
                    request.instanceId(),
                    request.requestedAt(),
                    request.requestedBy(),
                    request.reason());
        }
    }

    private final InstanceRetirements retirements;

    RetirementController(InstanceRetirements retirements) {
        this.retirements = retirements;
    }

    @PostMapping(
            path = "/v1/admin/tenants/{tenantId}/instances/{provider}/{cloudAccountId}/{instanceId}/retirement",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<?> retire(
            @PathVariable String tenantId,
            @PathVariable String provider,
            @PathVariable String cloudAccountId,
            @PathVariable String instanceId,
            @RequestBody(required = false) RetirementBody body,
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
        try {
            return retirements
                    .request(tenantId, cloud.get(), cloudAccountId, instanceId, reason, admin.getName())
                    .<ResponseEntity<?>>map(request -> ResponseEntity.status(HttpStatus.ACCEPTED)
                            .contentType(MediaType.APPLICATION_JSON)
                            .body(RetirementAccepted.of(request)))
                    .orElseGet(() -> AdminRequests.error(HttpStatus.NOT_FOUND, "NOT_FOUND", "no such instance"));
        } catch (RetirementUnavailableException e) {
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .header("Retry-After", "5")
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("error", "UNAVAILABLE", "message", "the request could not be recorded; ask again"));
        }
    }
}
