package io.crosspatch.reporting.compliance.domain;

/**
 * A cloud account of a tenant, the unit of one row of the summary.
 *
 * @param tenantId       the owning tenant
 * @param provider       the provider in upper case
 * @param cloudAccountId the cloud account
 */
public record AccountRef(String tenantId, String provider, String cloudAccountId) {
}
