package io.crosspatch.account.vending.application;

import io.crosspatch.kernel.CloudAccountKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link WaitingEnrollments} in memory, with the Cassandra adapter's lease: publishing is granted only for an
 * unresolved enrollment whose lease has run out.
 */
final class InMemoryWaitingEnrollments implements WaitingEnrollments {

    private final Map<CloudAccountKey, Map<String, Entry>> enrollments = new ConcurrentHashMap<>();

    @Override
    public Optional<WaitingEnrollment> recordIfAbsent(WaitingEnrollment enrollment) {
        Entry known = partition(enrollment.key())
                .putIfAbsent(enrollment.enrollmentId(), new Entry(enrollment, Instant.EPOCH));
        return Optional.ofNullable(known).map(Entry::enrollment);
    }

    @Override
    public List<WaitingEnrollment> unresolved(CloudAccountKey key) {
        return partition(key).values().stream()
                .map(Entry::enrollment)
                .filter(enrollment -> !enrollment.resolved())
                .toList();
    }

    @Override
    public synchronized boolean claimPublication(
            CloudAccountKey key, String enrollmentId, Instant now, Duration lease) {
        Entry entry = partition(key).get(enrollmentId);
        if (entry == null
                || entry.enrollment().resolved()
                || !entry.leaseUntil().isBefore(now)) {
            return false;
        }
        partition(key).put(enrollmentId, new Entry(entry.enrollment(), now.plus(lease)));
        return true;
    }

    @Override
    public synchronized void resolve(CloudAccountKey key, String enrollmentId, String outcome) {
        partition(key)
                .computeIfPresent(
                        enrollmentId,
                        (id, entry) -> new Entry(
                                new WaitingEnrollment(
                                        key,
                                        id,
                                        entry.enrollment().identity(),
                                        entry.enrollment().receivedAt(),
                                        outcome),
                                entry.leaseUntil()));
    }

    /** Another publisher holds the enrollment's lease until {@code until}. */
    void leasedElsewhere(CloudAccountKey key, String enrollmentId, Instant until) {
        partition(key).computeIfPresent(enrollmentId, (id, entry) -> new Entry(entry.enrollment(), until));
    }

    private Map<String, Entry> partition(CloudAccountKey key) {
        return enrollments.computeIfAbsent(key, k -> new ConcurrentHashMap<>());
    }

    private record Entry(WaitingEnrollment enrollment, Instant leaseUntil) {}
}
