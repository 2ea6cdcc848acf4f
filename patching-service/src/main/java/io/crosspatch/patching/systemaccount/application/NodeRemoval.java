package io.crosspatch.patching.systemaccount.application;

/** Forgets an enrolled node, so compliance collection no longer reads or reports it (the node was retired). */
public interface NodeRemoval {

    /** Removes the node of the account; removing one that is not there changes nothing. */
    void remove(String accountId, String managedInstanceId);
}
