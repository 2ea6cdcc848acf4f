package io.crosspatch.identity.onboarding.application;

import static io.crosspatch.kernel.TextShape.ALNUM;
import static io.crosspatch.kernel.TextShape.DIGIT;
import static io.crosspatch.kernel.TextShape.HEX_LOWER;
import static io.crosspatch.kernel.TextShape.LOWER;
import static io.crosspatch.kernel.TextShape.LOWER_ALNUM;

import io.crosspatch.identity.onboarding.domain.CloudAccount;
import io.crosspatch.kernel.TextShape;
import io.crosspatch.kernel.TextShape.Chars;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * What an admin asks for when onboarding a cloud account, checked before anything is stored: the provider is one of
 * the four, the account id has that provider's shape, patch group names are short slugs, the default group is a
 * standard one or an allowed one, and the AWS region looks like one. Each shape is one pass over the characters
 * after a length check ({@link TextShape}), so no input can make a check backtrack.
 */
public record CloudAccountSettings(
        String tenantId,
        String provider,
        String cloudAccountId,
        String displayName,
        String defaultPatchGroup,
        String awsRegion,
        Set<String> allowedPatchGroups) {

    private static final int MAX_TENANT_CHARS = 64;
    private static final int MAX_PATCH_GROUP_CHARS = 32;
    private static final int MAX_AWS_REGION_CHARS = 32;
    private static final int MAX_ALLOWED_GROUPS = 16;
    private static final Chars PATCH_GROUP = LOWER_ALNUM.or("-");
    private static final Map<String, Predicate<String>> ACCOUNT_ID = Map.of(
            "gcp",
                    id -> id.length() >= 6
                            && TextShape.word(id, 30, LOWER, PATCH_GROUP)
                            && LOWER_ALNUM.has(id.charAt(id.length() - 1)),
            "azure", CloudAccountSettings::lowerCaseUuid,
            "aws", id -> TextShape.of(id, 12, 12, DIGIT),
            "vmware", id -> TextShape.word(id, 128, ALNUM, ALNUM.or("._:-")));

    /** Throws {@link InvalidCloudAccountException} {@code INVALID_TENANT} unless {@code tenantId} has a tenant id's shape. */
    public static void requireTenantId(String tenantId) {
        if (!TextShape.word(tenantId, MAX_TENANT_CHARS, ALNUM, ALNUM.or("._-"))) {
            throw new InvalidCloudAccountException(
                    "INVALID_TENANT", "tenant ids are 1-64 letters, digits, '.', '_', '-'");
        }
    }

    /** The account to store, or an {@link InvalidCloudAccountException} naming the first broken rule. */
    public CloudAccount toAccount(Instant now) {
        requireTenantId(tenantId);
        Predicate<String> idShape = provider == null ? null : ACCOUNT_ID.get(provider);
        if (idShape == null) {
            throw new InvalidCloudAccountException(
                    "UNKNOWN_PROVIDER", "provider must be one of gcp, azure, aws, vmware");
        }
        if (cloudAccountId == null || !idShape.test(cloudAccountId)) {
            throw new InvalidCloudAccountException("INVALID_CLOUD_ACCOUNT_ID", "not a " + provider + " account id");
        }
        if (displayName != null
                && (displayName.length() > 128 || displayName.chars().anyMatch(Character::isISOControl))) {
            throw new InvalidCloudAccountException(
                    "INVALID_DISPLAY_NAME", "displayName is at most 128 printable characters");
        }
        Set<String> allowed = allowedPatchGroups == null ? Set.of() : allowedPatchGroups;
        if (allowed.size() > MAX_ALLOWED_GROUPS || !allowed.stream().allMatch(CloudAccountSettings::patchGroup)) {
            throw new InvalidCloudAccountException(
                    "INVALID_PATCH_GROUP",
                    "at most " + MAX_ALLOWED_GROUPS + " allowed patch groups, each 1-32 of a-z, 0-9, '-'");
        }
        if (!awsRegion(awsRegion)) {
            throw new InvalidCloudAccountException(
                    "INVALID_AWS_REGION", "awsRegion must be an AWS region such as eu-west-1");
        }
        String defaultGroup = defaultPatchGroup == null ? "on-time" : defaultPatchGroup;
        CloudAccount account = new CloudAccount(
                provider, cloudAccountId, tenantId, displayName, defaultGroup, awsRegion, allowed, now);
        if (!patchGroup(defaultGroup) || !account.allows(defaultGroup)) {
            throw new InvalidCloudAccountException(
                    "INVALID_PATCH_GROUP",
                    "defaultPatchGroup must be early, on-time, late or one of allowedPatchGroups");
        }
        return account;
    }

    private static boolean patchGroup(String group) {
        return TextShape.of(group, 1, MAX_PATCH_GROUP_CHARS, PATCH_GROUP);
    }

    /** As {@code [a-z]{2}(-[a-z]+)+-[0-9]}: two letters, one or more words of letters, one digit, dash-separated. */
    static boolean awsRegion(String region) {
        if (!TextShape.of(region, 6, MAX_AWS_REGION_CHARS, LOWER_ALNUM.or("-"))) {
            return false;
        }
        String[] parts = region.split("-", -1);
        if (parts.length < 3
                || !TextShape.of(parts[0], 2, 2, LOWER)
                || !TextShape.of(parts[parts.length - 1], 1, 1, DIGIT)) {
            return false;
        }
        for (int i = 1; i < parts.length - 1; i++) {
            if (!TextShape.of(parts[i], 1, MAX_AWS_REGION_CHARS, LOWER)) {
                return false;
            }
        }
        return true;
    }

    /** A UUID in lower-case hex, as Azure writes subscription ids: 8-4-4-4-12. */
    private static boolean lowerCaseUuid(String id) {
        if (id.length() != 36) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            boolean dash = i == 8 || i == 13 || i == 18 || i == 23;
            if (dash ? id.charAt(i) != '-' : !HEX_LOWER.has(id.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
