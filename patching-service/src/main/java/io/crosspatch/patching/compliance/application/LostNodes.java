package io.crosspatch.patching.compliance.application;

import io.crosspatch.patching.systemaccount.domain.EnrolledNode;
import io.crosspatch.patching.systemaccount.domain.ManagedNode;
import io.crosspatch.patching.systemaccount.domain.SystemAccountRef;

/**
 * Gives up on nodes that stopped talking to SSM long ago. Compliance collection reads every node's ping status
 * anyway, so it asks here for each enrolled node rather than a second sweep reading them again.
 */
public interface LostNodes {

    /** Retires the node if it has been ConnectionLost too long; true when it is (and is then not reported). */
    boolean retireIfLongLost(SystemAccountRef account, EnrolledNode node, ManagedNode state);
}
