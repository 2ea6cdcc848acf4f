package io.crosspatch.bench.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AccountFiguresTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void figuresFromSsmsNodesAndStatesEqualTheSummaryRowThatShowsTheSame() throws Exception {
        List<JsonNode> nodes = list("""
                [{"pingStatus":"Online","isLatestVersion":true},{"pingStatus":"Online","isLatestVersion":false},
                 {"pingStatus":"ConnectionLost","isLatestVersion":true}]""");
        List<JsonNode> states = list("""
                [{"MissingCount":3,"FailedCount":0,"Succeeded":true},{"MissingCount":0,"FailedCount":2,"Succeeded":false}]""");
        JsonNode row = JSON.readTree("""
                {"instances":3,"online":2,"unknownPatchState":1,"pendingOsUpdates":3,"instancesWithPendingOsUpdates":1,
                 "pendingAgentUpdates":1,"failedUpdates":2,"instancesWithFailedUpdates":1,"criticalNonCompliant":0,
                 "lastRun":{"succeeded":1,"failed":1,"successRate":0.5}}""");

        assertThat(AccountFigures.ofTruth(nodes, states))
                .isEqualTo(new AccountFigures(3, 2, 3, 1, 1, 2, 1, 1))
                .isEqualTo(AccountFigures.ofSummary(row));
    }

    @Test
    void aSummaryBehindSsmDiffers() throws Exception {
        List<JsonNode> nodes = list("[{\"pingStatus\":\"Online\",\"isLatestVersion\":true}]");
        List<JsonNode> states = list("[{\"MissingCount\":0,\"FailedCount\":0,\"Succeeded\":true}]");
        JsonNode stale = JSON.readTree("""
                {"instances":1,"online":1,"pendingOsUpdates":4,"instancesWithPendingOsUpdates":1,"pendingAgentUpdates":0,
                 "failedUpdates":0,"lastRun":{"succeeded":0,"failed":0}}""");

        assertThat(AccountFigures.ofSummary(stale)).isNotEqualTo(AccountFigures.ofTruth(nodes, states));
    }

    private static List<JsonNode> list(String json) throws Exception {
        List<JsonNode> items = new ArrayList<>();
        JSON.readTree(json).forEach(items::add);
        return items;
    }
}
