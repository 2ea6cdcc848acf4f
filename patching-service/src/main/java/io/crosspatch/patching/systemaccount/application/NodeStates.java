package io.crosspatch.patching.systemaccount.application;

import io.crosspatch.patching.systemaccount.domain.EnrolledNode;
import io.crosspatch.patching.systemaccount.domain.ResultBytes;
import java.time.Instant;
import java.util.List;

/**
 * The enrolled nodes of a system account with what was last published about each, as compliance collection reads
 * and updates them (one partition per account).
 */
public interface NodeStates {

    List<EnrolledNode> ofAccount(String accountId);

    /** Records the state just published about a node: the operation it was read for, its fingerprint and itself. */
    void markPublished(
            String accountId,
            String managedInstanceId,
            String operationMarker,
            String fingerprint,
            ResultBytes result,
            Instant at);
}
