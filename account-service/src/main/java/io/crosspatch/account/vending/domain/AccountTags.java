package io.crosspatch.account.vending.domain;

import io.crosspatch.kernel.CloudAccountKey;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The tags a system account is created with: tenant, provider and cloud account. They make an account found in
 * the organization recognisable as this cloud account's own (crash recovery, an e-mail that already exists).
 */
public final class AccountTags {

    public static final String TENANT = "crosspatch:tenant";
    public static final String PROVIDER = "crosspatch:provider";
    public static final String CLOUD_ACCOUNT = "crosspatch:cloud-account-id";
    private static final Pattern NOT_TAG_TEXT = Pattern.compile("[^\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]");
    private static final int MAX_VALUE = 256;

    private AccountTags() {}

    public static Map<String, String> of(CloudAccountKey key, String tenantId) {
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put(TENANT, value(tenantId));
        tags.put(PROVIDER, value(key.provider().name().toLowerCase(java.util.Locale.ROOT)));
        tags.put(CLOUD_ACCOUNT, value(key.cloudAccountId()));
        return tags;
    }

    /** Whether an account with these tags was created for this cloud account. */
    public static boolean belongTo(Map<String, String> tags, CloudAccountKey key, String tenantId) {
        return of(key, tenantId).entrySet().stream()
                .allMatch(tag -> tag.getValue().equals(tags.get(tag.getKey())));
    }

    private static String value(String text) {
        String cleaned = NOT_TAG_TEXT.matcher(text == null ? "" : text).replaceAll("_");
        return cleaned.length() > MAX_VALUE ? cleaned.substring(0, MAX_VALUE) : cleaned;
    }
}
