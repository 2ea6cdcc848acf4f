package io.crosspatch.patching.systemaccount.application;

import io.crosspatch.kernel.CloudAccountKey;

/**
 * Whether this instance looks after a cloud account's system account on a schedule (a port; the adapter answers
 * from the {@code account.ready} partitions Kafka assigned to this instance), so several instances split the
 * accounts between them instead of each sweeping all of them.
 */
public interface AccountAssignment {

    boolean isAssignedHere(CloudAccountKey cloudAccountKey);
}
