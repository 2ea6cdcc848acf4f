package io.crosspatch.simulator.organizations;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * One page of a {@code List*} answer and the {@code NextToken} to continue from (null on the last page). The
 * token is a position in the full, append-only list rather than in the filtered one, so an item that changes
 * state between two pages (a creation finishing) never makes another one skipped or repeated.
 */
record Page<T>(List<T> items, @Nullable String nextToken) {

    /** What Organizations returns when the caller gives no MaxResults. */
    static final int DEFAULT_MAX_RESULTS = 20;

    private static final String TOKEN_PREFIX = "crosspatch-organizations-page:";

    static <T> Page<T> of(List<T> all, Predicate<T> filter, @Nullable String nextToken, @Nullable Integer maxResults) {
        int limit = maxResults == null ? DEFAULT_MAX_RESULTS : maxResults;
        List<T> items = new ArrayList<>();
        int position = start(nextToken, all.size());
        while (position < all.size() && items.size() < limit) {
            T item = all.get(position++);
            if (filter.test(item)) {
                items.add(item);
            }
        }
        boolean more = all.subList(position, all.size()).stream().anyMatch(filter);
        return new Page<>(items, more ? token(position) : null);
    }

    private static String token(int position) {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString((TOKEN_PREFIX + position).getBytes(StandardCharsets.UTF_8));
    }

    private static int start(@Nullable String token, int size) {
        if (token == null) {
            return 0;
        }
        int position = decode(token);
        if (position < 0 || position > size) {
            throw OrganizationsErrors.invalidInput(
                    "INVALID_NEXT_TOKEN",
                    "Get the value for the NextToken parameter from the response to a previous call of the operation.");
        }
        return position;
    }

    /** The position a token stands for, or -1 if it is not a token this class made. */
    private static int decode(String token) {
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            return decoded.startsWith(TOKEN_PREFIX) ? Integer.parseInt(decoded.substring(TOKEN_PREFIX.length())) : -1;
        } catch (IllegalArgumentException e) {
            return -1;
        }
    }
}
