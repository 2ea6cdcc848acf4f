package io.crosspatch.patching.inventory.application;

import io.crosspatch.patching.inventory.domain.ApplicationList;
import io.crosspatch.patching.inventory.domain.InstanceInformation;
import io.crosspatch.patching.systemaccount.domain.SystemAccountRef;
import java.time.Instant;
import java.util.Optional;

/**
 * The inventory reads of one system account (a port; SSM Inventory behind it). Each answers empty for a node that
 * has no such inventory yet, or is no longer a managed node of the account.
 */
public interface InventoryReader {

    /** The node's {@code AWS:InstanceInformation} with its capture time. */
    Optional<InstanceInformation> instanceInformation(SystemAccountRef account, String managedInstanceId);

    /** When the node's {@code AWS:Application} data was captured: one small read, for skipping unchanged nodes. */
    Optional<Instant> applicationsCapturedAt(SystemAccountRef account, String managedInstanceId);

    /** Every application of the node, page by page. */
    Optional<ApplicationList> applications(SystemAccountRef account, String managedInstanceId);
}
