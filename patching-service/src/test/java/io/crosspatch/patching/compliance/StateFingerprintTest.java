package io.crosspatch.patching.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import io.crosspatch.events.AgentState;
import io.crosspatch.events.OperatingSystem;
import io.crosspatch.events.PatchCounts;
import io.crosspatch.events.PatchDetail;
import io.crosspatch.events.PatchResult;
import io.crosspatch.events.PatchState;
import io.crosspatch.events.PingStatus;
import io.crosspatch.events.Provider;
import io.crosspatch.patching.compliance.domain.StateFingerprint;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What counts as a change of an instance's state. */
class StateFingerprintTest {

    @Test
    void ignoresTheEventsIdTimeAndLastPingButNotThePingStatusOrAPatchsState() {
        PatchResult base = anyResult(PingStatus.ONLINE, PatchState.MISSING, Instant.parse("2026-01-01T00:00:00Z"));

        PatchResult sameStateLater = anyResult(PingStatus.ONLINE, PatchState.MISSING, Instant.parse("2026-01-02T00:00:00Z"));
        PatchResult offline = anyResult(PingStatus.CONNECTION_LOST, PatchState.MISSING, Instant.parse("2026-01-01T00:00:00Z"));
        PatchResult installed = anyResult(PingStatus.ONLINE, PatchState.INSTALLED, Instant.parse("2026-01-01T00:00:00Z"));

        assertThat(StateFingerprint.of(sameStateLater)).isEqualTo(StateFingerprint.of(base));
        assertThat(StateFingerprint.of(offline)).isNotEqualTo(StateFingerprint.of(base));
        assertThat(StateFingerprint.of(installed)).isNotEqualTo(StateFingerprint.of(base));
    }

    private static PatchResult anyResult(PingStatus ping, PatchState state, Instant lastPing) {
        return PatchResult.newBuilder().setEventId(UUID.randomUUID()).setOccurredAt(lastPing).setTenantId("t")
                .setProvider(Provider.GCP).setCloudAccountId("acme").setInstanceId("vm-1").setManagedInstanceId("mi-0123456789abcdef0")
                .setSystemAccountId("123456789012").setHostname("web-1").setOperatingSystem(OperatingSystem.UBUNTU)
                .setPatchGroup("early")
                .setAgent(AgentState.newBuilder().setVersion("3.3").setIsLatestVersion(true).setPingStatus(ping)
                        .setLastPingAt(lastPing).build())
                .setCounts(PatchCounts.newBuilder().setMissing(state == PatchState.MISSING ? 1 : 0).build())
                .setPatches(List.of(PatchDetail.newBuilder().setId("USN-7001-1").setTitle("libs").setClassification("Security")
                        .setSeverity("High").setState(state).setInstalledAt(state == PatchState.INSTALLED ? lastPing : null)
                        .setCveIds(List.of("CVE-2026-10001")).build()))
                .build();
    }
}
