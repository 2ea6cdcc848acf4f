package io.crosspatch.bench.measure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ProcessSamplerTest {

    @Test
    void shouldMeasureTheCpuTimeAndMemoryOfAProcess() {
        long pid = ProcessHandle.current().pid();
        ProcessSampler sampler = ProcessSampler.start(() -> Map.of("this-jvm", pid));
        long busyUntil = System.nanoTime() + 1_500_000_000L;
        long sink = 0;
        while (System.nanoTime() < busyUntil) {
            sink += Long.numberOfTrailingZeros(sink + System.nanoTime());
        }

        ProcessSampler.Usage usage = sampler.stop().get("this-jvm");

        assertThat(sink).isPositive();
        assertThat(usage.cpuSeconds()).as("a core busy for 1.5 s").isGreaterThan(1.0);
        assertThat(usage.cpuPercent()).isGreaterThan(50.0);
        assertThat(usage.peakRssMiB()).isGreaterThan(10.0).isGreaterThanOrEqualTo(usage.averageRssMiB());
    }

    @Test
    void shouldIgnoreAProcessThatIsGone() {
        ProcessSampler sampler = ProcessSampler.start(() -> Map.of("gone", Long.MAX_VALUE));

        assertThat(sampler.stop().get("gone").cpuSeconds()).isZero();
    }
}
