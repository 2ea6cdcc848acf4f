package io.crosspatch.reporting.compliance.application;

import io.crosspatch.kernel.CloudProvider;

/**
 * The filters of the instance list; each may be null (no filter).
 *
 * @param provider       the provider
 * @param cloudAccountId the cloud account
 * @param patchGroup     the patch group
 */
public record InstanceFilter(CloudProvider provider, String cloudAccountId, String patchGroup) {
}
