package io.crosspatch.reporting.security;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Who is asking, from the verified bearer token: the tenant it belongs to (claim {@code tenant}, or
 * {@code tenant_id}) and whether it holds the {@code operator} role (claim {@code roles}, a list or a
 * space-separated string). A tenant reads only itself; an operator reads every tenant.
 *
 * @param tenantId the caller's tenant, null for a token without one
 * @param operator whether the caller is an operator
 */
public record Caller(@Nullable String tenantId, boolean operator) {

    /** The role that reads every tenant. */
    public static final String OPERATOR_ROLE = "operator";

    /** The caller a verified token describes. */
    public static Caller of(Jwt jwt) {
        String tenant = jwt.getClaimAsString("tenant");
        if (tenant == null || tenant.isBlank()) {
            tenant = jwt.getClaimAsString("tenant_id");
        }
        return new Caller(
                tenant == null || tenant.isBlank() ? null : tenant, roles(jwt).contains(OPERATOR_ROLE));
    }

    /** Throws unless this caller may read the tenant's data. */
    public void requireAccessTo(String tenantId) {
        if (!operator && (this.tenantId == null || !this.tenantId.equals(tenantId))) {
            throw new TenantAccessDeniedException();
        }
    }

    private static Collection<String> roles(Jwt jwt) {
        Object roles = jwt.getClaims().get("roles");
        if (roles instanceof Collection<?> list) {
            return list.stream()
                    .map(role -> String.valueOf(role).toLowerCase(Locale.ROOT))
                    .toList();
        }
        if (roles instanceof String text) {
            return List.of(text.toLowerCase(Locale.ROOT).split("\\s+"));
        }
        return List.of();
    }
}
