package io.crosspatch.patching.systemaccount.application;

import io.crosspatch.patching.systemaccount.domain.ActivationStatus;
import io.crosspatch.patching.systemaccount.domain.ManagedNode;
import io.crosspatch.patching.systemaccount.domain.SystemAccountRef;
import java.util.List;
import java.util.Map;

/**
 * What a system account's SSM knows about managed nodes and activations, and the few changes the registration
 * watcher makes to them. Lookups by activation id take at most {@link #BATCH} ids, the most SSM filters on at once.
 */
public interface ManagedNodes {

    /** Activation ids per lookup. */
    int BATCH = 50;

    /** The nodes that registered with any of {@code activationIds} (at most {@link #BATCH}). */
    List<ManagedNode> nodesOfActivations(SystemAccountRef account, List<String> activationIds);

    /** Every managed node of the account. */
    List<ManagedNode> allNodes(SystemAccountRef account);

    Map<String, String> tags(SystemAccountRef account, String instanceId);

    void addTags(SystemAccountRef account, String instanceId, Map<String, String> tags);

    /** Deregisters a node; false when SSM no longer knew it (already deregistered). */
    boolean deregister(SystemAccountRef account, String instanceId);

    /** The status of {@code activationIds} (at most {@link #BATCH}). */
    List<ActivationStatus> activations(SystemAccountRef account, List<String> activationIds);

    /** Deletes an activation; false when SSM no longer knew it (already deleted). */
    boolean deleteActivation(SystemAccountRef account, String activationId);
}
