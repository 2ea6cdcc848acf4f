package io.crosspatch.patching.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import io.crosspatch.kernel.CloudAccountKey;
import io.crosspatch.kernel.CloudProvider;
import io.crosspatch.kernel.PatchCounts;
import io.crosspatch.patching.compliance.domain.PatchReport;
import io.crosspatch.patching.compliance.domain.ReportedPatch;
import io.crosspatch.patching.compliance.domain.StateFingerprint;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What counts as a change of an instance's state. */
class StateFingerprintTest {

    @Test
    void ignoresTheEventsIdTimeAndLastPingButNotThePingStatusOrAPatchsState() {
        PatchReport base =
                anyReport(PatchReport.Ping.ONLINE, ReportedPatch.State.MISSING, Instant.parse("2026-01-01T00:00:00Z"));

        PatchReport sameStateLater =
                anyReport(PatchReport.Ping.ONLINE, ReportedPatch.State.MISSING, Instant.parse("2026-01-02T00:00:00Z"));
        PatchReport offline = anyReport(
                PatchReport.Ping.CONNECTION_LOST, ReportedPatch.State.MISSING, Instant.parse("2026-01-01T00:00:00Z"));
        PatchReport installed = anyReport(
                PatchReport.Ping.ONLINE, ReportedPatch.State.INSTALLED, Instant.parse("2026-01-01T00:00:00Z"));

        assertThat(StateFingerprint.of(sameStateLater)).isEqualTo(StateFingerprint.of(base));
        assertThat(StateFingerprint.of(offline)).isNotEqualTo(StateFingerprint.of(base));
        assertThat(StateFingerprint.of(installed)).isNotEqualTo(StateFingerprint.of(base));
    }

    /**
     * The hex values were computed by the fingerprint as it was before the domain model (over the Avro record), for
     * the same states: a release must not change the fingerprint of an unchanged state, or every node stored before
     * it would be published again.
     */
    @Test
    void givesAnUnchangedStateTheFingerprintStoredByEarlierReleases() {
        Instant at = Instant.parse("2026-03-10T02:15:00Z");
        PatchReport installFailed = new PatchReport(
                UUID.randomUUID(),
                at,
                new PatchReport.Node(
                        "tenant-1",
                        new CloudAccountKey(CloudProvider.AZURE, "sub-42"),
                        null,
                        "vm-7",
                        "mi-0123456789abcdef0",
                        "123456789012",
                        "db-1",
                        "Ubuntu",
                        "22.04",
                        "UBUNTU",
                        "late"),
                Optional.of("pb-0abc"),
                new PatchReport.Agent("3.3.1", false, PatchReport.Ping.CONNECTION_LOST, at),
                new PatchCounts(12, 1, 2, 0, 3, 1, 40, 1, 2, 0),
                Optional.of(new PatchReport.Operation(
                        PatchReport.Operation.Type.INSTALL,
                        Instant.parse("2026-03-10T02:00:00Z"),
                        Instant.parse("2026-03-10T02:10:00Z"),
                        PatchReport.Operation.Outcome.FAILED)),
                List.of(
                        new ReportedPatch(
                                "USN-7002-1",
                                "openssl",
                                "Security",
                                "Critical",
                                ReportedPatch.State.FAILED,
                                null,
                                List.of("CVE-2026-1", "CVE-2026-2")),
                        new ReportedPatch(
                                "USN-7001-1",
                                "libc",
                                "",
                                "",
                                ReportedPatch.State.INSTALLED,
                                Instant.parse("2026-03-01T10:00:00Z"),
                                List.of())));
        PatchReport neverScanned = new PatchReport(
                UUID.randomUUID(),
                at,
                new PatchReport.Node(
                        "tenant-1",
                        new CloudAccountKey(CloudProvider.AZURE, "sub-42"),
                        "Contoso",
                        "vm-7",
                        "mi-0123456789abcdef0",
                        "123456789012",
                        "db-1",
                        null,
                        "22.04",
                        "UBUNTU",
                        "late"),
                Optional.empty(),
                new PatchReport.Agent("3.3.1", false, PatchReport.Ping.CONNECTION_LOST, at),
                PatchCounts.NONE,
                Optional.empty(),
                List.of());

        assertThat(StateFingerprint.of(installFailed))
                .isEqualTo("d571b85c7049bf4b1073dbf35b6fb02a1ecd13775f31f071c67c9e7895af99b5");
        assertThat(StateFingerprint.of(neverScanned))
                .isEqualTo("907497ec50a68a0565798618c0e94f034ed0c1316fe69fe7eb89c249352c82a9");
    }

    private static PatchReport anyReport(PatchReport.Ping ping, ReportedPatch.State state, Instant lastPing) {
        return new PatchReport(
                UUID.randomUUID(),
                lastPing,
                new PatchReport.Node(
                        "t",
                        new CloudAccountKey(CloudProvider.GCP, "acme"),
                        null,
                        "vm-1",
                        "mi-0123456789abcdef0",
                        "123456789012",
                        "web-1",
                        null,
                        null,
                        "UBUNTU",
                        "early"),
                Optional.empty(),
                new PatchReport.Agent("3.3", true, ping, lastPing),
                new PatchCounts(0, 0, 0, 0, state == ReportedPatch.State.MISSING ? 1 : 0, 0, 0, 0, 0, 0),
                Optional.empty(),
                List.of(new ReportedPatch(
                        "USN-7001-1",
                        "libs",
                        "Security",
                        "High",
                        state,
                        state == ReportedPatch.State.INSTALLED ? lastPing : null,
                        List.of("CVE-2026-10001"))));
    }
}
