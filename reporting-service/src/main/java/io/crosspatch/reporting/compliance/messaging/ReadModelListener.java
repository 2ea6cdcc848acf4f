package io.crosspatch.reporting.compliance.messaging;

import io.crosspatch.events.EnrollmentFailed;
import io.crosspatch.events.InstanceActivated;
import io.crosspatch.events.InstanceRetired;
import io.crosspatch.events.PatchResult;
import io.crosspatch.reporting.compliance.application.ReadModelUpdater;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * The four topics the read model is built from. Thin adapters: each unwraps a polled batch and makes one
 * application call, in batches because the per-account figures are recomputed once per batch, not per event.
 */
@Component
class ReadModelListener {

    private final ReadModelUpdater updater;

    public ReadModelListener(ReadModelUpdater updater) {
        this.updater = updater;
    }

    @KafkaListener(
            id = "reporting-patch-results",
            idIsGroup = false,
            topics = "#{T(io.crosspatch.schemas.topics.Topics).PATCH_RESULTS.name()}",
            containerFactory = ReadModelKafkaConfiguration.BATCH_FACTORY)
    public void onPatchResults(List<ConsumerRecord<String, PatchResult>> records) {
        RecordBatch.apply(records, EventMapping::state, updater::applyPatchResults);
    }

    @KafkaListener(
            id = "reporting-instance-activated",
            idIsGroup = false,
            topics = "#{T(io.crosspatch.schemas.topics.Topics).INSTANCE_ACTIVATED.name()}",
            containerFactory = ReadModelKafkaConfiguration.BATCH_FACTORY)
    public void onInstanceActivated(List<ConsumerRecord<String, InstanceActivated>> records) {
        RecordBatch.apply(records, EventMapping::activation, updater::applyActivations);
    }

    @KafkaListener(
            id = "reporting-instance-retired",
            idIsGroup = false,
            topics = "#{T(io.crosspatch.schemas.topics.Topics).INSTANCE_RETIRED.name()}",
            containerFactory = ReadModelKafkaConfiguration.BATCH_FACTORY)
    public void onInstanceRetired(List<ConsumerRecord<String, InstanceRetired>> records) {
        RecordBatch.apply(records, EventMapping::retirement, updater::applyRetirements);
    }

    @KafkaListener(
            id = "reporting-enrollment-failed",
            idIsGroup = false,
            topics = "#{T(io.crosspatch.schemas.topics.Topics).ENROLLMENT_FAILED.name()}",
            containerFactory = ReadModelKafkaConfiguration.BATCH_FACTORY)
    public void onEnrollmentFailed(List<ConsumerRecord<String, EnrollmentFailed>> records) {
        RecordBatch.apply(records, EventMapping::failure, updater::applyEnrollmentFailures);
    }
}
