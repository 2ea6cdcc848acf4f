package io.crosspatch.reporting.compliance.domain;

import io.crosspatch.kernel.CloudAccountKey;
import io.crosspatch.kernel.CloudProvider;
import java.util.Objects;

/**
 * A cloud account of a tenant, the unit of one row of the summary.
 *
 * @param tenantId the owning tenant
 * @param account  the cloud account
 */
public record AccountRef(String tenantId, CloudAccountKey account) {

    public AccountRef {
        InstanceRef.requireText(tenantId, "tenantId");
        Objects.requireNonNull(account, "account");
    }

    public CloudProvider provider() {
        return account.provider();
    }

    public String cloudAccountId() {
        return account.cloudAccountId();
    }
}
