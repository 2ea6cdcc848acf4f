package io.crosspatch.identity.onboarding.web;

import io.crosspatch.identity.onboarding.application.CloudAccountOnboarding;
import io.crosspatch.identity.onboarding.application.CloudAccountSettings;
import io.crosspatch.identity.onboarding.domain.CloudAccount;
import io.crosspatch.identity.role.IngressRole;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The admin API for onboarding (admin role, enforced by the security configuration): {@code PUT} one cloud account of
 * a tenant (201 when new, 200 when its settings changed, 409 when it belongs to another tenant) and {@code GET} a
 * tenant's accounts.
 */
@RestController
@IngressRole
class CloudAccountAdminController {

    private final CloudAccountOnboarding onboarding;

    public CloudAccountAdminController(CloudAccountOnboarding onboarding) {
        this.onboarding = onboarding;
    }

    @PutMapping(
            path = "/v1/admin/tenants/{tenantId}/cloud-accounts/{provider}/{cloudAccountId}",
            consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<CloudAccountView> onboard(
            @PathVariable String tenantId,
            @PathVariable String provider,
            @PathVariable String cloudAccountId,
            @RequestBody CloudAccountBody body) {
        CloudAccountOnboarding.Onboarded result = onboarding.onboard(new CloudAccountSettings(
                tenantId,
                provider,
                cloudAccountId,
                body.displayName(),
                body.defaultPatchGroup(),
                body.awsRegion(),
                body.allowedPatchGroups()));
        return ResponseEntity.status(result.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(CloudAccountView.of(result.account()));
    }

    @GetMapping("/v1/admin/tenants/{tenantId}/cloud-accounts")
    public List<CloudAccountView> list(@PathVariable String tenantId) {
        return onboarding.ofTenant(tenantId).stream().map(CloudAccountView::of).toList();
    }

    /** The settings of a cloud account, as an admin sends them. */
    public record CloudAccountBody(
            String displayName, String defaultPatchGroup, String awsRegion, Set<String> allowedPatchGroups) {}

    /** A stored cloud account. */
    public record CloudAccountView(
            String tenantId,
            String provider,
            String cloudAccountId,
            String cloudAccountKey,
            String displayName,
            String defaultPatchGroup,
            String awsRegion,
            Set<String> allowedPatchGroups,
            Instant updatedAt) {

        static CloudAccountView of(CloudAccount account) {
            return new CloudAccountView(
                    account.tenantId(),
                    account.provider(),
                    account.cloudAccountId(),
                    account.key().toString(),
                    account.displayName(),
                    account.defaultPatchGroup(),
                    account.awsRegion(),
                    account.allowedPatchGroups(),
                    account.updatedAt());
        }
    }
}
