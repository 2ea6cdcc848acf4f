package io.crosspatch.reporting.inventory.web;

import io.crosspatch.kernel.CloudProvider;
import io.crosspatch.kernel.TextShape;
import io.crosspatch.reporting.inventory.application.InventoryQueries;
import io.crosspatch.reporting.inventory.domain.ApplicationPage;
import io.crosspatch.reporting.security.Caller;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * An instance's software inventory and its searchable application list, tenant-scoped like every reporting read:
 * the token must be allowed the tenant in the path, and only that tenant's partition is read. The search is bounded
 * on every side: a query of at most 128 characters, pages of at most 500, over a list of at most 2,000.
 */
@RestController
@RequestMapping("/v1/tenants/{tenantId}/instances/{instanceId}")
class InventoryController {

    static final int DEFAULT_PAGE_SIZE = 100;
    static final int MAX_PAGE_SIZE = 500;
    static final int MAX_QUERY_CHARS = 128;
    private static final int MAX_TENANT_CHARS = 64;
    private static final int MAX_ID_CHARS = 256;
    private static final String TOKEN_PREFIX = "apps:";

    private final InventoryQueries queries;

    public InventoryController(InventoryQueries queries) {
        this.queries = queries;
    }

    @GetMapping("/inventory")
    public InventoryView inventory(
            @AuthenticationPrincipal Jwt jwt,
            @PathVariable String tenantId,
            @PathVariable String instanceId,
            @RequestParam(required = false) String provider,
            @RequestParam(required = false) String cloudAccountId) {
        Caller.of(jwt).requireAccessTo(tenant(tenantId));
        return InventoryView.of(queries.inventory(
                tenantId, id("instanceId", instanceId), provider(provider), accountId(cloudAccountId)));
    }

    @GetMapping("/applications")
    public ApplicationPageView applications(
            @AuthenticationPrincipal Jwt jwt,
            @PathVariable String tenantId,
            @PathVariable String instanceId,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String provider,
            @RequestParam(required = false) String cloudAccountId,
            @RequestParam(required = false) String pageToken,
            @RequestParam(required = false) Integer pageSize) {
        Caller.of(jwt).requireAccessTo(tenant(tenantId));
        String query = q == null ? "" : q.strip();
        if (query.length() > MAX_QUERY_CHARS || !query.codePoints().noneMatch(Character::isISOControl)) {
            throw new InvalidInventoryQueryException(
                    "INVALID_QUERY", "q must be at most " + MAX_QUERY_CHARS + " printable characters");
        }
        ApplicationPage page = queries.applications(
                tenantId,
                id("instanceId", instanceId),
                provider(provider),
                accountId(cloudAccountId),
                query,
                offset(pageToken),
                pageSize(pageSize));
        return ApplicationPageView.of(page, page.nextOffset() == null ? null : token(page.nextOffset()));
    }

    private static String tenant(String tenantId) {
        if (!TextShape.word(tenantId, MAX_TENANT_CHARS, TextShape.ALNUM, TextShape.ALNUM.or("._-"))) {
            throw new InvalidInventoryQueryException(
                    "INVALID_PARAMETER", "tenantId must be 1-" + MAX_TENANT_CHARS + " letters, digits, '.', '_', '-'");
        }
        return tenantId;
    }

    private static String id(String name, String value) {
        if (!TextShape.of(value, 1, MAX_ID_CHARS, c -> c > ' ' && c != 0x7f && !Character.isISOControl(c))) {
            throw new InvalidInventoryQueryException(
                    "INVALID_PARAMETER", name + " must be 1-" + MAX_ID_CHARS + " printable characters");
        }
        return value;
    }

    private static @Nullable String accountId(@Nullable String cloudAccountId) {
        return cloudAccountId == null || cloudAccountId.isBlank() ? null : id("cloudAccountId", cloudAccountId);
    }

    private static @Nullable CloudProvider provider(@Nullable String provider) {
        if (provider == null || provider.isBlank()) {
            return null;
        }
        try {
            return CloudProvider.parse(provider);
        } catch (IllegalArgumentException e) {
            throw new InvalidInventoryQueryException(
                    "INVALID_PROVIDER", "provider must be one of gcp, azure, aws, vmware");
        }
    }

    private static int pageSize(@Nullable Integer pageSize) {
        if (pageSize == null) {
            return DEFAULT_PAGE_SIZE;
        }
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            throw new InvalidInventoryQueryException(
                    "INVALID_PAGE_SIZE", "pageSize must be between 1 and " + MAX_PAGE_SIZE);
        }
        return pageSize;
    }

    /** Page tokens are opaque to clients; here they carry the offset of the next match. */
    private static int offset(@Nullable String pageToken) {
        if (pageToken == null || pageToken.isBlank()) {
            return 0;
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(pageToken), StandardCharsets.UTF_8);
            int offset = text.startsWith(TOKEN_PREFIX) ? Integer.parseInt(text.substring(TOKEN_PREFIX.length())) : -1;
            if (offset < 0) {
                throw new NumberFormatException("no offset");
            }
            return offset;
        } catch (IllegalArgumentException e) {
            throw new InvalidInventoryQueryException("INVALID_PAGE_TOKEN", "the page token was not issued by this API");
        }
    }

    private static String token(int offset) {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString((TOKEN_PREFIX + offset).getBytes(StandardCharsets.UTF_8));
    }
}
