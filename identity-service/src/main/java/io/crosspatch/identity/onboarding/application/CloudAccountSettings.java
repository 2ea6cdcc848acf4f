package io.crosspatch.identity.onboarding.application;

import io.crosspatch.identity.onboarding.domain.CloudAccount;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What an admin asks for when onboarding a cloud account, checked before anything is stored: the provider is one of
 * the four, the account id has that provider's shape, patch group names are short slugs, the default group is a
 * standard one or an allowed one, and the AWS region looks like one.
 */
public record CloudAccountSettings(String tenantId, String provider, String cloudAccountId, String displayName,
        String defaultPatchGroup, String awsRegion, Set<String> allowedPatchGroups) {

    private static final Pattern TENANT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final Pattern PATCH_GROUP = Pattern.compile("[a-z0-9-]{1,32}");
    private static final Pattern AWS_REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d");
    private static final int MAX_ALLOWED_GROUPS = 16;
    private static final Map<String, Pattern> ACCOUNT_ID = Map.of(
            "gcp", Pattern.compile("[a-z][a-z0-9-]{4,28}[a-z0-9]"),
            "azure", Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"),
            "aws", Pattern.compile("\\d{12}"),
            "vmware", Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,127}"));

    /** The account to store, or an {@link InvalidCloudAccountException} naming the first broken rule. */
    public CloudAccount toAccount(Instant now) {
        if (tenantId == null || !TENANT.matcher(tenantId).matches()) {
            throw new InvalidCloudAccountException("INVALID_TENANT", "tenant ids are 1-64 letters, digits, '.', '_', '-'");
        }
        Pattern idShape = provider == null ? null : ACCOUNT_ID.get(provider);
        if (idShape == null) {
            throw new InvalidCloudAccountException("UNKNOWN_PROVIDER", "provider must be one of gcp, azure, aws, vmware");
        }
        if (cloudAccountId == null || !idShape.matcher(cloudAccountId).matches()) {
            throw new InvalidCloudAccountException("INVALID_CLOUD_ACCOUNT_ID", "not a " + provider + " account id");
        }
        if (displayName != null && (displayName.length() > 128 || displayName.chars().anyMatch(Character::isISOControl))) {
            throw new InvalidCloudAccountException("INVALID_DISPLAY_NAME", "displayName is at most 128 printable characters");
        }
        Set<String> allowed = allowedPatchGroups == null ? Set.of() : allowedPatchGroups;
        if (allowed.size() > MAX_ALLOWED_GROUPS || !allowed.stream().allMatch(group -> group != null && PATCH_GROUP.matcher(group).matches())) {
            throw new InvalidCloudAccountException("INVALID_PATCH_GROUP",
                    "at most " + MAX_ALLOWED_GROUPS + " allowed patch groups, each 1-32 of a-z, 0-9, '-'");
        }
        if (awsRegion == null || !AWS_REGION.matcher(awsRegion).matches()) {
            throw new InvalidCloudAccountException("INVALID_AWS_REGION", "awsRegion must be an AWS region such as eu-west-1");
        }
        String defaultGroup = defaultPatchGroup == null ? "on-time" : defaultPatchGroup;
        CloudAccount account = new CloudAccount(provider, cloudAccountId, tenantId, displayName, defaultGroup, awsRegion,
                allowed, now);
        if (!PATCH_GROUP.matcher(defaultGroup).matches() || !account.allows(defaultGroup)) {
            throw new InvalidCloudAccountException("INVALID_PATCH_GROUP",
                    "defaultPatchGroup must be early, on-time, late or one of allowedPatchGroups");
        }
        return account;
    }
}
