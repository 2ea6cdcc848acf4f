package io.crosspatch.reporting.compliance.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.crosspatch.kernel.CloudAccountKey;
import io.crosspatch.kernel.CloudProvider;
import io.crosspatch.reporting.compliance.domain.AccountFigures;
import io.crosspatch.reporting.compliance.domain.AccountRef;
import io.crosspatch.reporting.compliance.domain.BucketRef;
import io.crosspatch.reporting.compliance.domain.EnrollmentFailure;
import io.crosspatch.reporting.compliance.domain.InstanceActivation;
import io.crosspatch.reporting.compliance.domain.InstanceRef;
import io.crosspatch.reporting.compliance.domain.InstanceRetirement;
import io.crosspatch.reporting.compliance.domain.InstanceState;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** How a batch reaches the read model, against in-memory stores that record the order of the writes. */
class ReadModelUpdaterTest {

    private static final Instant AT = Instant.parse("2026-03-01T10:00:00Z");
    private static final CloudAccountKey GCP_PROD = new CloudAccountKey(CloudProvider.GCP, "prod");

    private final List<String> log = new CopyOnWriteArrayList<>();
    private final ReadModelUpdater updater = new ReadModelUpdater(new RecordingStore(), new RecordingFigures());

    @Test
    void shouldWriteTheEventsThenRecomputeEachTouchedBucketOnceThenItsAccountOnce() {
        InstanceRef first = instanceInBucket(0);
        InstanceRef sameBucket = instanceInBucket(0, first.instanceId());
        InstanceRef otherBucket = instanceInBucket(1);

        updater.applyActivations(List.of(activation(first), activation(sameBucket), activation(otherBucket)));

        assertThat(log)
                .containsExactly(
                        "write " + first.instanceId(),
                        "write " + sameBucket.instanceId(),
                        "write " + otherBucket.instanceId(),
                        "bucket 0",
                        "bucket 1",
                        "account gcp:prod");
    }

    @Test
    void shouldRecomputeNothingForEnrollmentFailures() {
        updater.applyEnrollmentFailures(List.of(new EnrollmentFailure(
                "acme", "enr-1", AT, "ACCOUNT", "EMAIL_ALREADY_EXISTS", "taken", false, CloudProvider.GCP, "prod")));

        assertThat(log).containsExactly("write failure enr-1");
    }

    private static InstanceActivation activation(InstanceRef ref) {
        return new InstanceActivation(
                ref, "enr-" + ref.instanceId(), AT, "ACTIVATION_ISSUED", null, "210987654321", null);
    }

    private static InstanceRef instanceInBucket(int bucket, String... not) {
        for (int i = 0; ; i++) {
            InstanceRef ref = new InstanceRef("acme", GCP_PROD, "vm-" + i);
            if (ref.bucket() == bucket && !List.of(not).contains(ref.instanceId())) {
                return ref;
            }
        }
    }

    private final class RecordingStore implements ReadModelStore {

        @Override
        public CompletableFuture<Void> write(InstanceState state) {
            log.add("write " + state.ref().instanceId());
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public CompletableFuture<Void> write(InstanceActivation activation) {
            log.add("write " + activation.ref().instanceId());
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public CompletableFuture<Void> write(EnrollmentFailure failure) {
            log.add("write failure " + failure.enrollmentId());
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public CompletableFuture<Void> write(InstanceRetirement retirement) {
            log.add("write retirement " + retirement.ref().instanceId());
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public CompletableFuture<Boolean> replaced(String tenantId, String managedInstanceId) {
            return CompletableFuture.completedFuture(false);
        }
    }

    private final class RecordingFigures implements FiguresStore {

        @Override
        public CompletableFuture<Void> recompute(BucketRef bucket) {
            log.add("bucket " + bucket.bucket());
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public CompletableFuture<Void> recompute(AccountRef account) {
            log.add("account " + account.account());
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public Map<CloudAccountKey, AccountFigures> figuresOf(String tenantId) {
            return Map.of();
        }
    }
}
