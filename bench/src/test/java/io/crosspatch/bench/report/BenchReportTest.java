package io.crosspatch.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchReportTest {

    @TempDir
    Path dir;

    @Test
    void shouldWriteFiguresTablesAndChecksAsJsonAndMarkdown() throws Exception {
        BenchReport report = new BenchReport("Drills", dir);
        Section storm = report.section("Enrollment storm");
        storm.figure("throughput", 512.25, "enrollments/s").figure("enrollments", 10_000L, "");
        storm.table("processes", List.of("process", "CPU s"), List.of(Map.of("process", "kafka", "CPU s", 12.5)));
        Section drill = report.section("kill -9 account-service");
        drill.check("one system account per cloud account", true, "200 accounts, 200 created");
        drill.check("every VM REGISTERED", false, "9,998 of 10,000");

        report.write();

        JsonNode json = new ObjectMapper().readTree(dir.resolve("report.json").toFile());
        assertThat(json.get("passed").asBoolean()).isFalse();
        assertThat(json.at("/sections/0/figures/throughput/value").asDouble()).isEqualTo(512.25);
        assertThat(json.at("/sections/1/checks/1/passed").asBoolean()).isFalse();
        String md = Files.readString(dir.resolve("report.md"));
        assertThat(md)
                .contains(
                        "| throughput | 512 | enrollments/s |",
                        "| enrollments | 10,000 |",
                        "**FAILED**",
                        "| every VM REGISTERED | **FAIL** | 9,998 of 10,000 |",
                        "| kafka | 12.5 | ");
        assertThat(report.passed()).isFalse();
    }
}
