package io.crosspatch.reporting.compliance.domain;

import java.util.Objects;

/**
 * Names one managed instance in the read model: the tenant that owns it, its cloud account and the provider's
 * instance id. Provider instance ids are unique only within a cloud account, so all four are the identity.
 *
 * @param tenantId       the owning tenant
 * @param provider       the provider in upper case, as the events spell it ({@code GCP}, {@code AZURE}, …)
 * @param cloudAccountId the cloud account
 * @param instanceId     the provider's instance id
 */
public record InstanceRef(String tenantId, String provider, String cloudAccountId, String instanceId) {

    public InstanceRef {
        requireText(tenantId, "tenantId");
        requireText(provider, "provider");
        requireText(cloudAccountId, "cloudAccountId");
        requireText(instanceId, "instanceId");
    }

    /** The figures bucket of this instance within its cloud account. */
    public int bucket() {
        return FigureBuckets.of(instanceId);
    }

    /** The bucket this instance's figures are aggregated in. */
    public BucketRef bucketRef() {
        return new BucketRef(tenantId, provider, cloudAccountId, bucket());
    }

    static void requireText(String value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }
}
