package io.crosspatch.bench.measure;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProcessSamplerTest {

    @Test
    void shouldMeasureTheCpuTimeAndMemoryOfAProcess() {
        long pid = ProcessHandle.current().pid();
        ProcessSampler sampler = ProcessSampler.start(() -> Map.of("this-jvm", pid));
        // burn one CPU-second as the JVM itself counts it (not wall time: the machine may be busy with others)
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpuAtStart = threads.getCurrentThreadCpuTime();
        long sink = 0;
        while (threads.getCurrentThreadCpuTime() - cpuAtStart < 1_000_000_000L) {
            sink += Long.numberOfTrailingZeros(sink + System.nanoTime());
        }

        ProcessSampler.Usage usage = sampler.stop().get("this-jvm");

        assertThat(sink).isPositive();
        assertThat(usage.cpuSeconds())
                .as("the process used at least the thread's CPU second")
                .isGreaterThanOrEqualTo(0.95);
        assertThat(usage.cpuPercent()).isPositive();
        assertThat(usage.peakRssMiB()).isGreaterThan(10.0).isGreaterThanOrEqualTo(usage.averageRssMiB());
    }

    @Test
    void shouldIgnoreAProcessThatIsGone() {
        ProcessSampler sampler = ProcessSampler.start(() -> Map.of("gone", Long.MAX_VALUE));

        assertThat(sampler.stop().get("gone").cpuSeconds()).isZero();
    }
}
