package io.crosspatch.testbed;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestbedTest {

    @Test
    void springPropertiesPointAtTheRunningServers() {
        Testbed testbed = Testbed.shared();

        assertThat(testbed.springProperties())
                .containsEntry("spring.kafka.bootstrap-servers", testbed.kafka().bootstrapServers())
                .containsEntry(
                        "spring.cassandra.contact-points",
                        "127.0.0.1:" + testbed.cassandra().port())
                .containsEntry("spring.cassandra.local-datacenter", "datacenter1")
                .containsEntry(
                        "crosspatch.schema-registry.url",
                        "http://127.0.0.1:" + testbed.schemaRegistry().port() + "/apis/ccompat/v7");
    }

    @Test
    void closingTheSharedTestbedLeavesItRunningForOtherTests() {
        Testbed testbed = Testbed.shared();

        testbed.close();

        assertThat(testbed.childPids()).allMatch(Processes::isAlive);
        assertThat(testbed.workDir()).isDirectory();
    }

    @Test
    void closeStopsEveryServerAndDeletesTheWorkDirectory(@TempDir Path tempDir) {
        // given a testbed of its own
        Path workDir = tempDir.resolve("testbed");
        Testbed testbed = Testbed.start(workDir);
        List<Long> pids = testbed.childPids();
        assertThat(pids).hasSize(3).allMatch(Processes::isAlive);

        // when
        testbed.close();

        // then
        assertThat(pids).noneMatch(Processes::isAlive);
        assertThat(workDir).doesNotExist();
    }
}
