package io.crosspatch.bench.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class NodeStateTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void readsTheSameStateFromSsmsGroundTruthAndFromTheInstanceListAtMillisecondPrecision() throws Exception {
        JsonNode truth = JSON.readTree("""
                {"InstanceId":"mi-0123456789abcdef0","Operation":"Install","OperationEndTime":"2026-12-08T02:14:03.123456Z",
                 "InstalledCount":31,"MissingCount":2,"FailedCount":1,"Succeeded":false}""");
        JsonNode shown = JSON.readTree("""
                {"managedInstanceId":"mi-0123456789abcdef0","lastOperation":"INSTALL",
                 "lastOperationEndedAt":"2026-12-08T02:14:03.123Z","installed":31,"missing":2,"failed":1}""");

        assertThat(NodeState.ofInstance(shown)).isEqualTo(NodeState.ofTruth(truth));
    }

    @Test
    void aScanOrAnOlderInstallIsNotWhatTheWindowsLeft() throws Exception {
        Instant opened = Instant.parse("2026-12-08T02:00:00Z");
        JsonNode scan = JSON.readTree("""
                {"lastOperation":"SCAN","lastOperationEndedAt":"2026-12-08T02:10:00Z","installed":3,"missing":9,"failed":0}""");
        JsonNode olderInstall = JSON.readTree("""
                {"lastOperation":"INSTALL","lastOperationEndedAt":"2026-11-10T02:10:00Z","installed":3,"missing":9,"failed":0}""");
        JsonNode unknown = JSON.readTree("""
                {"lastOperation":null,"lastOperationEndedAt":null,"installed":0,"missing":0,"failed":0}""");
        JsonNode newInstall = JSON.readTree("""
                {"lastOperation":"INSTALL","lastOperationEndedAt":"2026-12-08T02:00:00.000Z","installed":12,"missing":0,"failed":0}""");

        assertThat(NodeState.ofInstance(scan).installedSince(opened)).isFalse();
        assertThat(NodeState.ofInstance(olderInstall).installedSince(opened)).isFalse();
        assertThat(NodeState.ofInstance(unknown).installedSince(opened)).isFalse();
        assertThat(NodeState.ofInstance(newInstall).installedSince(opened)).isTrue();
    }
}
