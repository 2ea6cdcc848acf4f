package io.crosspatch.reporting.compliance.application;

import io.crosspatch.reporting.compliance.domain.AccountRef;
import io.crosspatch.reporting.compliance.domain.BucketRef;
import io.crosspatch.reporting.compliance.domain.EnrollmentFailure;
import io.crosspatch.reporting.compliance.domain.InstanceActivation;
import io.crosspatch.reporting.compliance.domain.InstanceRetirement;
import io.crosspatch.reporting.compliance.domain.InstanceState;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Applies a batch of events to the read model: writes every event (many writes in flight, bounded), then
 * recomputes the figures of each bucket the batch touched, once, and of each cloud account those belong to. It returns only when all of it is stored, so
 * the listener commits the offsets after the read model holds the batch; a crash in between redelivers the
 * batch, which rewrites the same cells at the same times and recomputes the same sums.
 */
@Service
public class ReadModelUpdater {

    private static final Logger log = LoggerFactory.getLogger(ReadModelUpdater.class);

    /** How many events are written at once: enough to hide the round trip, few enough not to flood the node. */
    private static final int IN_FLIGHT = 128;

    private final ReadModelStore writer;
    private final FiguresStore figures;

    public ReadModelUpdater(ReadModelStore writer, FiguresStore figures) {
        this.writer = writer;
        this.figures = figures;
    }

    /**
     * Stores the newest patch state of each instance (older ones lose by write time) and its figures. A result of a
     * node a re-enrollment replaced is stale whatever its time (the instance is the new node now) and is skipped.
     */
    public void applyPatchResults(List<InstanceState> states) {
        List<InstanceState> current = withoutReplacedNodes(states);
        writeAll(current, writer::write);
        recompute(current.stream().map(state -> state.ref().bucketRef()).toList());
        log.debug(
                "applied {} patch results, skipped {} of replaced nodes",
                current.size(),
                states.size() - current.size());
    }

    private List<InstanceState> withoutReplacedNodes(List<InstanceState> states) {
        Set<InstanceState> stale = Collections.synchronizedSet(Collections.newSetFromMap(new IdentityHashMap<>()));
        writeAll(
                states,
                state -> writer.replaced(state.ref().tenantId(), state.managedInstanceId())
                        .thenAccept(replaced -> {
                            if (replaced) {
                                log.debug(
                                        "patch result of replaced node {} (instance {}) ignored",
                                        state.managedInstanceId(),
                                        state.ref().instanceId());
                                stale.add(state);
                            }
                        }));
        return states.stream().filter(state -> !stale.contains(state)).toList();
    }

    /** Stores activations: the instances count from now on, with an unknown patch state. */
    public void applyActivations(List<InstanceActivation> activations) {
        writeAll(activations, writer::write);
        recompute(activations.stream()
                .map(activation -> activation.ref().bucketRef())
                .toList());
        log.debug("applied {} activations", activations.size());
    }

    /** Stores retirements: the instances leave their accounts' figures and are listed as retired. */
    public void applyRetirements(List<InstanceRetirement> retirements) {
        writeAll(retirements, writer::write);
        recompute(retirements.stream()
                .map(retirement -> retirement.ref().bucketRef())
                .toList());
        log.debug("applied {} retirements", retirements.size());
    }

    /** Stores enrollments that failed. */
    public void applyEnrollmentFailures(List<EnrollmentFailure> failures) {
        writeAll(failures, writer::write);
        log.debug("applied {} enrollment failures", failures.size());
    }

    /** Buckets first, then the accounts summing them: the account rows read the new bucket rows. */
    private void recompute(List<BucketRef> touched) {
        Set<BucketRef> buckets = new LinkedHashSet<>(touched);
        writeAll(new ArrayList<>(buckets), figures::recompute);
        Set<AccountRef> accounts = new LinkedHashSet<>();
        buckets.forEach(bucket -> accounts.add(bucket.account()));
        writeAll(new ArrayList<>(accounts), figures::recompute);
    }

    private static <T> void writeAll(List<T> items, Function<T, CompletableFuture<Void>> write) {
        for (int from = 0; from < items.size(); from += IN_FLIGHT) {
            List<T> chunk = items.subList(from, Math.min(items.size(), from + IN_FLIGHT));
            CompletableFuture.allOf(chunk.stream().map(write).toArray(CompletableFuture[]::new))
                    .join();
        }
    }
}
