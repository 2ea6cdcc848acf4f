package io.crosspatch.patching.systemaccount.application;

import io.crosspatch.patching.systemaccount.domain.EnrolledNode;
import java.util.List;

/**
 * The enrolled nodes of a system account as the registration watcher reads them to find a re-enrolled instance's
 * previous node, and as a node leaves them — replaced by a re-enrolled instance's new node, or retired — so that
 * compliance collection stops reading it.
 */
public interface NodeRoster {

    /** The account's nodes with their enrollment's identity only (no published state: a light read). */
    List<EnrolledNode> identitiesOf(String accountId);

    /** How many nodes the account has enrolled. */
    int count(String accountId);

    /** Forgets a node; removing one that is not there changes nothing. */
    void remove(String accountId, String managedInstanceId);
}
