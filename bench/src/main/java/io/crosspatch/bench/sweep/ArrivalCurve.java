package io.crosspatch.bench.sweep;

import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * When each of a known number of items (nodes) was first seen in its new state, relative to a start: answers the
 * time to the first item and to a fraction of all of them (50 %, 90 %, 100 %). Later sightings of an item do not
 * move its time.
 */
final class ArrivalCurve {

    private final long startNanos;
    private final int expected;
    private final Map<String, Long> firstSeen = new ConcurrentHashMap<>();

    ArrivalCurve(long startNanos, int expected) {
        if (expected < 1) {
            throw new IllegalArgumentException("nothing to wait for");
        }
        this.startNanos = startNanos;
        this.expected = expected;
    }

    void seen(String item, long atNanos) {
        firstSeen.putIfAbsent(item, Math.max(0, atNanos - startNanos));
    }

    boolean seen(String item) {
        return firstSeen.containsKey(item);
    }

    int arrived() {
        return firstSeen.size();
    }

    int expected() {
        return expected;
    }

    /** The time until at least {@code fraction} of the expected items had arrived; empty while fewer have. */
    Optional<Duration> timeTo(double fraction) {
        int needed = Math.max(1, (int) Math.ceil(fraction * expected));
        long[] times = firstSeen.values().stream().mapToLong(Long::longValue).toArray();
        if (times.length < needed) {
            return Optional.empty();
        }
        Arrays.sort(times);
        return Optional.of(Duration.ofNanos(times[needed - 1]));
    }

    /** Time to the first, 50 %, 90 % and 100 % in seconds ("not reached" where not), for a report. */
    Map<String, Object> milestonesSeconds() {
        Map<String, Object> milestones = new LinkedHashMap<>();
        milestones.put("first", seconds(timeTo(1.0 / expected)));
        milestones.put("50%", seconds(timeTo(0.5)));
        milestones.put("90%", seconds(timeTo(0.9)));
        milestones.put("100%", seconds(timeTo(1.0)));
        return milestones;
    }

    private static Object seconds(Optional<Duration> time) {
        return time.<Object>map(d -> d.toMillis() / 1000.0).orElse("not reached");
    }
}
