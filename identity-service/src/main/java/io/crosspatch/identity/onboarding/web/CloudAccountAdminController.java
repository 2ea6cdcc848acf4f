package io.crosspatch.identity.onboarding.web;

import io.crosspatch.identity.onboarding.application.CloudAccountOffboarding;
import io.crosspatch.identity.onboarding.application.CloudAccountOnboarding;
import io.crosspatch.identity.onboarding.application.CloudAccountSettings;
import io.crosspatch.identity.onboarding.application.InvalidCloudAccountException;
import io.crosspatch.identity.onboarding.domain.CloudAccount;
import io.crosspatch.identity.onboarding.domain.OffboardedAccount;
import io.crosspatch.identity.role.IngressRole;
import io.crosspatch.kernel.CloudAccountKey;
import io.crosspatch.kernel.CloudProvider;
import java.security.Principal;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The admin API for onboarding (admin role, enforced by the security configuration): {@code PUT} one cloud account of
 * a tenant (201 when new, 200 when its settings changed, 409 when it belongs to another tenant), {@code GET} a
 * tenant's accounts, and {@code DELETE} one account or the whole tenant (offboarding, 202).
 */
@RestController
@IngressRole
class CloudAccountAdminController {

    private final CloudAccountOnboarding onboarding;
    private final CloudAccountOffboarding offboarding;

    public CloudAccountAdminController(CloudAccountOnboarding onboarding, CloudAccountOffboarding offboarding) {
        this.onboarding = onboarding;
        this.offboarding = offboarding;
    }

    /**
     * Offboards one cloud account of the tenant: 202 (also when repeated), 404 when the tenant holds no such account.
     * Its VMs may enroll no more and patching-service removes what it set up for it; the admin's token subject is
     * recorded.
     */
    @DeleteMapping("/v1/admin/tenants/{tenantId}/cloud-accounts/{provider}/{cloudAccountId}")
    public ResponseEntity<OffboardingView> offboard(
            @PathVariable String tenantId,
            @PathVariable String provider,
            @PathVariable String cloudAccountId,
            Principal admin) {
        CloudAccountKey key = key(tenantId, provider, cloudAccountId);
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .body(OffboardingView.of(offboarding.offboard(tenantId, key, admin.getName())));
    }

    /** Offboards every cloud account of the tenant: 202 with the accounts offboarded (none when none are left). */
    @DeleteMapping("/v1/admin/tenants/{tenantId}")
    public ResponseEntity<List<OffboardingView>> offboardTenant(@PathVariable String tenantId, Principal admin) {
        CloudAccountSettings.requireTenantId(tenantId);
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .body(offboarding.offboardTenant(tenantId, admin.getName()).stream()
                        .map(OffboardingView::of)
                        .toList());
    }

    private static CloudAccountKey key(String tenantId, String provider, String cloudAccountId) {
        CloudAccountSettings.requireTenantId(tenantId);
        CloudProvider parsed;
        try {
            parsed = CloudProvider.parse(provider);
        } catch (IllegalArgumentException e) {
            throw new InvalidCloudAccountException(
                    "UNKNOWN_PROVIDER", "provider must be one of gcp, azure, aws, vmware");
        }
        if (!parsed.wireName().equals(provider) || cloudAccountId.length() > 128) {
            throw new InvalidCloudAccountException("INVALID_CLOUD_ACCOUNT_ID", "not a " + provider + " account id");
        }
        return new CloudAccountKey(parsed, cloudAccountId);
    }

    /** An offboarded cloud account, as the admin API answers it. */
    public record OffboardingView(
            String tenantId,
            String cloudAccountKey,
            String status,
            String requestedBy,
            Instant offboardedAt,
            boolean tenantOffboarded) {

        static OffboardingView of(OffboardedAccount account) {
            return new OffboardingView(
                    account.tenantId(),
                    account.key().toString(),
                    "OFFBOARDED",
                    account.requestedBy(),
                    account.offboardedAt(),
                    account.tenantOffboarded());
        }
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
