package io.crosspatch.account.vending.web;

import io.crosspatch.account.vending.application.AccountClosures;
import io.crosspatch.account.vending.application.SystemAccountRepository;
import io.crosspatch.account.vending.application.SystemAccountReset;
import io.crosspatch.account.vending.domain.ClosureState;
import io.crosspatch.account.vending.domain.SystemAccountState;
import io.crosspatch.kernel.CloudAccountKey;
import io.crosspatch.kernel.CloudProvider;
import io.crosspatch.schemas.topics.Topics;
import io.crosspatch.servicekit.web.error.ApiError;
import java.security.Principal;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The operator API of system accounts: list a tenant's (optionally by state), show one by cloud account, reset a
 * FAILED one, list the closures of released ones. Bad input answers 400 with a stable code, never 5xx.
 */
@RestController
@RequestMapping("/v1/system-accounts")
class SystemAccountController {

    private static final int MAX_ID = 256;

    private final SystemAccountRepository accounts;
    private final SystemAccountReset reset;
    private final AccountClosures closures;

    public SystemAccountController(
            SystemAccountRepository accounts, SystemAccountReset reset, AccountClosures closures) {
        this.accounts = accounts;
        this.reset = reset;
        this.closures = closures;
    }

    /**
     * Resets a FAILED system account so that the cloud account's next enrollment starts a fresh creation: 202, 404
     * when the cloud account has none, 409 {@code SYSTEM_ACCOUNT_NOT_FAILED} in any other state. Audited (the
     * operator's token subject is logged and kept with the archived account).
     */
    @PostMapping("/{provider}/{cloudAccountId}/reset")
    public ResponseEntity<ApiError> reset(
            @PathVariable String provider, @PathVariable String cloudAccountId, Principal operator) {
        CloudAccountKey key = key(provider, cloudAccountId);
        return switch (reset.reset(key, operator.getName())) {
            case RESET ->
                ResponseEntity.status(HttpStatus.ACCEPTED)
                        .body(new ApiError(
                                "SYSTEM_ACCOUNT_RESET", "the next enrollment of " + key + " creates a new one"));
            case NOT_FOUND ->
                ResponseEntity.status(HttpStatus.NOT_FOUND)
                        .body(new ApiError("SYSTEM_ACCOUNT_NOT_FOUND", "no system account for " + key));
            case NOT_FAILED ->
                ResponseEntity.status(HttpStatus.CONFLICT)
                        .body(new ApiError("SYSTEM_ACCOUNT_NOT_FAILED", "only a FAILED system account can be reset"));
        };
    }

    /**
     * The released system accounts of offboarded cloud accounts, waiting for CloseAccount (with the reason of the
     * last refusal, e.g. {@code CLOSE_ACCOUNT_QUOTA_EXCEEDED}) or closed. Reads every bucket (one partition each).
     */
    @GetMapping("/closures")
    public Map<String, List<SystemAccountClosureView>> closures(@RequestParam(required = false) String state) {
        ClosureState wanted = state == null || state.isBlank() ? null : closureState(state);
        List<SystemAccountClosureView> views = IntStream.range(0, Topics.IDENTITY_VERIFIED.partitions())
                .boxed()
                .flatMap(bucket -> closures.inBucket(bucket).stream())
                .filter(closure -> wanted == null || closure.state() == wanted)
                .map(SystemAccountClosureView::of)
                .toList();
        return Map.of("closures", views);
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
        CloudAccountKey key = key(provider, cloudAccountId);
        return accounts.find(key)
                .<ResponseEntity<?>>map(account -> ResponseEntity.ok(SystemAccountView.of(account)))
                .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND)
                        .body(new ApiError("SYSTEM_ACCOUNT_NOT_FOUND", "no system account for " + key)));
    }

    private static CloudAccountKey key(String provider, String cloudAccountId) {
        if (cloudAccountId.isBlank() || cloudAccountId.length() > MAX_ID) {
            throw new BadRequestException(
                    "INVALID_CLOUD_ACCOUNT_ID", "cloudAccountId must be 1-" + MAX_ID + " characters");
        }
        return new CloudAccountKey(provider(provider), cloudAccountId);
    }

    private static ClosureState closureState(String text) {
        try {
            return ClosureState.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(
                    "INVALID_STATE", "state must be one of " + Arrays.toString(ClosureState.values()));
        }
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
