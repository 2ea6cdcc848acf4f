package io.crosspatch.reporting.compliance.domain;

import io.crosspatch.kernel.CloudAccountKey;
import io.crosspatch.kernel.CloudProvider;
import java.util.Objects;

/**
 * Names one managed instance in the read model: the tenant that owns it, its cloud account and the provider's
 * instance id. Provider instance ids are unique only within a cloud account, so all four are the identity.
 *
 * @param tenantId   the owning tenant
 * @param account    the cloud account
 * @param instanceId the provider's instance id
 */
public record InstanceRef(String tenantId, CloudAccountKey account, String instanceId) {

    public InstanceRef {
        requireText(tenantId, "tenantId");
        Objects.requireNonNull(account, "account");
        requireText(instanceId, "instanceId");
    }

    public CloudProvider provider() {
        return account.provider();
    }

    public String cloudAccountId() {
        return account.cloudAccountId();
    }

    /** The figures bucket of this instance within its cloud account. */
    public int bucket() {
        return FigureBuckets.of(instanceId);
    }

    /** The bucket this instance's figures are aggregated in. */
    public BucketRef bucketRef() {
        return new BucketRef(new AccountRef(tenantId, account), bucket());
    }

    static void requireText(String value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }
}
