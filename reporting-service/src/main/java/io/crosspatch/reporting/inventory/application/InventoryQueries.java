package io.crosspatch.reporting.inventory.application;

import io.crosspatch.kernel.CloudProvider;
import io.crosspatch.reporting.compliance.application.AmbiguousInstanceException;
import io.crosspatch.reporting.compliance.application.InstanceNotFoundException;
import io.crosspatch.reporting.inventory.domain.ApplicationPage;
import io.crosspatch.reporting.inventory.domain.InstanceInventory;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * The inventory reads of the reporting API, always inside one tenant's partition: an instance of another tenant is
 * not found, exactly like one that does not exist. A provider instance id held by two cloud accounts of the tenant
 * needs provider and cloud account, as the updates view does.
 */
@Service
public class InventoryQueries {

    private final InventoryStore store;

    public InventoryQueries(InventoryStore store) {
        this.store = store;
    }

    public InstanceInventory inventory(
            String tenantId, String instanceId, @Nullable CloudProvider provider, @Nullable String cloudAccountId) {
        List<InstanceInventory> matches = store.find(tenantId, instanceId).stream()
                .filter(found -> provider == null || found.cloudAccount().provider() == provider)
                .filter(found -> cloudAccountId == null
                        || found.cloudAccount().cloudAccountId().equals(cloudAccountId))
                .toList();
        if (matches.isEmpty()) {
            throw new InstanceNotFoundException(instanceId);
        }
        if (matches.size() > 1) {
            throw new AmbiguousInstanceException(instanceId, matches.size());
        }
        return matches.get(0);
    }

    public ApplicationPage applications(
            String tenantId,
            String instanceId,
            @Nullable CloudProvider provider,
            @Nullable String cloudAccountId,
            String query,
            int offset,
            int pageSize) {
        return ApplicationPage.of(
                inventory(tenantId, instanceId, provider, cloudAccountId).applications(), query, offset, pageSize);
    }
}
