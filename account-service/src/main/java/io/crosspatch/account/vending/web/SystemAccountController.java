package io.crosspatch.account.vending.web;

import io.crosspatch.account.vending.application.SystemAccountRepository;
import io.crosspatch.account.vending.domain.SystemAccountState;
import io.crosspatch.kernel.CloudAccountKey;
import io.crosspatch.kernel.CloudProvider;
import io.crosspatch.servicekit.web.error.ApiError;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The operator API of system accounts: list a tenant's (optionally by state), show one by cloud account. Reads
 * one Cassandra partition per request; bad input answers 400 with a stable code, never 5xx.
 */
@RestController
@RequestMapping("/v1/system-accounts")
class SystemAccountController {

    private static final int MAX_ID = 256;

    private final SystemAccountRepository accounts;

    public SystemAccountController(SystemAccountRepository accounts) {
        this.accounts = accounts;
    }

    @GetMapping
    public Map<String, List<SystemAccountView>> list(
            @RequestParam(required = false) String tenantId, @RequestParam(required = false) String state) {
        if (tenantId == null || tenantId.isBlank() || tenantId.length() > MAX_ID) {
            throw new BadRequestException("TENANT_ID_REQUIRED", "tenantId is required (1-" + MAX_ID + " characters)");
        }
        SystemAccountState wanted = state == null || state.isBlank() ? null : state(state);
        List<SystemAccountView> views = accounts.byTenant(tenantId).stream()
                .filter(account -> wanted == null || account.state() == wanted)
                .map(SystemAccountView::of)
                .toList();
        return Map.of("systemAccounts", views);
    }

    @GetMapping("/{provider}/{cloudAccountId}")
    public ResponseEntity<?> show(@PathVariable String provider, @PathVariable String cloudAccountId) {
        if (cloudAccountId.isBlank() || cloudAccountId.length() > MAX_ID) {
            throw new BadRequestException(
                    "INVALID_CLOUD_ACCOUNT_ID", "cloudAccountId must be 1-" + MAX_ID + " characters");
        }
        CloudAccountKey key = new CloudAccountKey(provider(provider), cloudAccountId);
        return accounts.find(key)
                .<ResponseEntity<?>>map(account -> ResponseEntity.ok(SystemAccountView.of(account)))
                .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND)
                        .body(new ApiError("SYSTEM_ACCOUNT_NOT_FOUND", "no system account for " + key)));
    }

    private static SystemAccountState state(String text) {
        try {
            return SystemAccountState.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(
                    "INVALID_STATE", "state must be one of " + Arrays.toString(SystemAccountState.values()));
        }
    }

    private static CloudProvider provider(String text) {
        try {
            return CloudProvider.parse(text);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("INVALID_PROVIDER", "provider must be one of gcp, azure, aws, vmware");
        }
    }
}
