package io.crosspatch.patching.registration.application;

import io.crosspatch.patching.systemaccount.domain.ManagedNode;
import java.time.Instant;

/** Where the audit keeps the nodes it deregistered because they matched no enrollment, for people to review. */
public interface UnexpectedNodes {

    void record(String accountId, ManagedNode node, Instant deregisteredAt);
}
