package io.crosspatch.bench.measure;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/** Latencies recorded from many threads (HdrHistogram, 3 significant digits, up to one hour), summarised in ms. */
public final class Latencies {

    private final Histogram histogram = new ConcurrentHistogram(TimeUnit.HOURS.toNanos(1), 3);

    public void recordNanos(long nanos) {
        histogram.recordValue(Math.max(0, Math.min(nanos, histogram.getHighestTrackableValue())));
    }

    public void recordSince(long startNanos) {
        recordNanos(System.nanoTime() - startNanos);
    }

    public long count() {
        return histogram.getTotalCount();
    }

    /** count, p50, p90, p99, p99.9, max and mean — milliseconds, except count. */
    public Map<String, Object> summaryMillis() {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("count", histogram.getTotalCount());
        summary.put("p50", millis(histogram.getValueAtPercentile(50)));
        summary.put("p90", millis(histogram.getValueAtPercentile(90)));
        summary.put("p99", millis(histogram.getValueAtPercentile(99)));
        summary.put("p99.9", millis(histogram.getValueAtPercentile(99.9)));
        summary.put("max", millis(histogram.getMaxValue()));
        summary.put("mean", histogram.getTotalCount() == 0 ? 0.0 : histogram.getMean() / 1e6);
        return summary;
    }

    private static double millis(long nanos) {
        return nanos / 1e6;
    }
}
