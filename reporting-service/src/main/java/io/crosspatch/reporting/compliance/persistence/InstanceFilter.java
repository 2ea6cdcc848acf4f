package io.crosspatch.reporting.compliance.persistence;

/**
 * The filters of the instance list; each may be null (no filter).
 *
 * @param provider       the provider in upper case
 * @param cloudAccountId the cloud account
 * @param patchGroup     the patch group
 */
public record InstanceFilter(String provider, String cloudAccountId, String patchGroup) {
}
