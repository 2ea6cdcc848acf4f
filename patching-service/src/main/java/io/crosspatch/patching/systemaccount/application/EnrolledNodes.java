package io.crosspatch.patching.systemaccount.application;

import io.crosspatch.patching.systemaccount.domain.EnrolledNode;

/** The nodes that matched an enrollment, per system account, as the registration watcher records them. */
public interface EnrolledNodes {

    /** Records a node with its enrollment's identity (an upsert: a repeated registration changes nothing). */
    void add(String accountId, EnrolledNode node);
}
