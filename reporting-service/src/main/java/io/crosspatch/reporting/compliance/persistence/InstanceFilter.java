package io.crosspatch.reporting.compliance.persistence;

import org.jspecify.annotations.Nullable;

/**
 * The filters of the instance list; each may be null (no filter).
 *
 * @param provider       the provider in upper case
 * @param cloudAccountId the cloud account
 * @param patchGroup     the patch group
 */
public record InstanceFilter(@Nullable String provider, @Nullable String cloudAccountId, @Nullable String patchGroup) {
}
