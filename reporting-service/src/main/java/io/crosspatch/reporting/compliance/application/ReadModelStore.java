package io.crosspatch.reporting.compliance.application;

import io.crosspatch.reporting.compliance.domain.EnrollmentFailure;
import io.crosspatch.reporting.compliance.domain.InstanceActivation;
import io.crosspatch.reporting.compliance.domain.InstanceRetirement;
import io.crosspatch.reporting.compliance.domain.InstanceState;
import java.util.concurrent.CompletableFuture;

/**
 * Where the read model keeps what the events say: idempotent upserts by natural key at the event's own time, so
 * a redelivered or late event can never overwrite a newer state. Asynchronous, so a batch is written with many
 * writes in flight; each future completes when its write is stored.
 */
public interface ReadModelStore {

    /** Stores an instance's patch state (the newest by observation time wins). */
    CompletableFuture<Void> write(InstanceState state);

    /**
     * Stores that an instance was activated or registered, and clears its enrollment's older failure. A registration
     * that replaced a re-enrolled instance's previous node also records that node as replaced and drops the patch
     * state it reported, so the instance shows the new node with an unknown state until the new node reports.
     */
    CompletableFuture<Void> write(InstanceActivation activation);

    /** Whether a managed node of the tenant was replaced by a re-enrollment (its patch results are stale). */
    CompletableFuture<Boolean> replaced(String tenantId, String managedInstanceId);

    /** Stores a failed enrollment of a tenant. */
    CompletableFuture<Void> write(EnrollmentFailure failure);

    /** Stores that an instance was retired: out of the figures, listed as RETIRED until its cells expire. */
    CompletableFuture<Void> write(InstanceRetirement retirement);
}
