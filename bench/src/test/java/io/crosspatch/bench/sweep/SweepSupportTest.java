package io.crosspatch.bench.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SweepSupportTest {

    @Test
    void optionsDefaultToTheIssuesFiguresAndReadOnlyTheirOwnFlags() {
        assertThat(SweepOptions.parse(new String[] {"--storm-vms", "10000"})).isEqualTo(SweepOptions.defaults());

        SweepOptions small = SweepOptions.parse(new String[] {
            "--sweep-nodes",
            "300",
            "--sweep-accounts",
            "6",
            "--dashboard-clients",
            "10",
            "--compliance-interval",
            "5",
            "--sweep-limits",
            "off"
        });

        assertThat(small.nodes()).isEqualTo(300);
        assertThat(small.accounts()).isEqualTo(6);
        assertThat(small.dashboardClients()).isEqualTo(10);
        assertThat(small.complianceInterval()).isEqualTo(Duration.ofSeconds(5));
        assertThat(small.limitsDuringSweep()).isFalse();
        assertThat(small.simulatorHeap()).isEqualTo("512m");
        assertThat(SweepOptions.defaults().simulatorHeap()).isEqualTo("3g");
    }

    @Test
    void refusesMoreNodesThanSsmsHybridQuotaAllowsTheAccounts() {
        assertThatThrownBy(() -> SweepOptions.parse(new String[] {"--sweep-nodes", "100001"}))
                .hasMessageContaining("1,000 hybrid nodes");
    }

    @Test
    void sumsCallCountsOverAccountsLargestFirst() throws Exception {
        Map<String, Long> byOperation = CallCounts.byOperation(new ObjectMapper().readTree("""
                [{"accountId":"1","service":"SSM","operation":"DescribeInstancePatches","calls":40},
                 {"accountId":"2","service":"SSM","operation":"DescribeInstancePatches","calls":60},
                 {"accountId":"1","service":"SSM","operation":"DescribeInstanceInformation","calls":3},
                 {"accountId":"1","service":"STS","operation":"AssumeRole","calls":1}]"""));

        assertThat(byOperation)
                .containsExactly(
                        Map.entry("SSM DescribeInstancePatches", 100L),
                        Map.entry("SSM DescribeInstanceInformation", 3L),
                        Map.entry("STS AssumeRole", 1L));
        assertThat(CallCounts.total(byOperation)).isEqualTo(104);
    }

    @Test
    void readsTheLiveBytesFromTheClassHistogramsTotalLine() {
        String histogram = String.join(
                "\n",
                List.of(
                        "12345:",
                        " num     #instances         #bytes  class name (module)",
                        "-------------------------------------------------------",
                        "   1:        102400       52428800  [B (java.base@17)",
                        "Total        250000      104857600",
                        ""));

        assertThat(LiveHeap.parseTotal(histogram)).hasValue(104857600L);
        assertThat(LiveHeap.parseTotal("jcmd: no such process")).isEmpty();
    }
}
