package io.crosspatch.simulator.ssm;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One page of a list answer and the NextToken for the rest (null on the last page). Tokens are opaque to clients;
 * here they carry the offset of the next item.
 */
public record Page<T>(List<T> items, @Nullable String nextToken) {

    private static final String PREFIX = "ssm-sim:";

    /** @throws io.crosspatch.simulator.aws.AwsException InvalidNextToken for a token this simulator did not issue */
    public static <T> Page<T> of(List<T> all, int maxResults, @Nullable String nextToken) {
        int from = nextToken == null ? 0 : offset(nextToken);
        if (from > all.size()) {
            throw SsmErrors.invalidNextToken();
        }
        int to = Math.min(all.size(), from + maxResults);
        String next = to < all.size() ? token(to) : null;
        return new Page<>(List.copyOf(all.subList(from, to)), next);
    }

    private static String token(int offset) {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString((PREFIX + offset).getBytes(StandardCharsets.UTF_8));
    }

    private static int offset(String token) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            if (!text.startsWith(PREFIX)) {
                throw SsmErrors.invalidNextToken();
            }
            return Integer.parseInt(text.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            throw SsmErrors.invalidNextToken();
        }
    }
}
