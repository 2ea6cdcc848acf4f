package io.crosspatch.reporting.compliance.web;

import io.crosspatch.kernel.TextShape;
import io.crosspatch.kernel.TextShape.Chars;
import org.jspecify.annotations.Nullable;

/**
 * The shapes of what a caller puts in the path and the query, checked in one pass after a length check before
 * anything reaches Cassandra or the paging-state decoder: tenant ids as onboarding makes them, patch groups as
 * slugs, ids of cloud accounts and instances as bounded printable text, page tokens as the bounded base64url this
 * API issues. Refused input is {@code 400 INVALID_PARAMETER} (or {@code INVALID_PAGE_TOKEN}) naming the parameter.
 */
final class QueryInput {

    static final int MAX_TENANT_CHARS = 64;
    static final int MAX_ID_CHARS = 256;
    static final int MAX_PATCH_GROUP_CHARS = 40;
    static final int MAX_PAGE_TOKEN_CHARS = 2048;

    private static final Chars TENANT = TextShape.ALNUM.or("._-");
    private static final Chars PATCH_GROUP = TextShape.LOWER_ALNUM.or("-");
    private static final Chars PRINTABLE = c -> c > ' ' && c != 0x7f && !Character.isISOControl(c);

    private QueryInput() {}

    static String tenant(String tenantId) {
        if (!TextShape.word(tenantId, MAX_TENANT_CHARS, TextShape.ALNUM, TENANT)) {
            throw invalid("tenantId", "1-" + MAX_TENANT_CHARS + " letters, digits, '.', '_', '-'");
        }
        return tenantId;
    }

    /** A cloud account or instance id filter: null stays null (no filter). */
    static @Nullable String id(String name, @Nullable String value) {
        return value == null ? null : requiredId(name, value);
    }

    /** An id the request must carry (a path segment). */
    static String requiredId(String name, String value) {
        if (!TextShape.of(value, 1, MAX_ID_CHARS, PRINTABLE)) {
            throw invalid(name, "1-" + MAX_ID_CHARS + " printable characters");
        }
        return value;
    }

    static @Nullable String patchGroup(@Nullable String patchGroup) {
        if (patchGroup != null && !TextShape.of(patchGroup, 1, MAX_PATCH_GROUP_CHARS, PATCH_GROUP)) {
            throw invalid("patchGroup", "1-" + MAX_PATCH_GROUP_CHARS + " of a-z, 0-9, '-'");
        }
        return patchGroup;
    }

    static @Nullable String pageToken(@Nullable String pageToken) {
        if (pageToken != null && !TextShape.of(pageToken, 1, MAX_PAGE_TOKEN_CHARS, TextShape.BASE64URL)) {
            throw new BadRequestException("INVALID_PAGE_TOKEN", "the page token was not issued by this API");
        }
        return pageToken;
    }

    private static BadRequestException invalid(String parameter, String shape) {
        return new BadRequestException("INVALID_PARAMETER", parameter + " must be " + shape);
    }
}
