package io.crosspatch.patching.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import io.crosspatch.kernel.CloudAccountKey;
import io.crosspatch.kernel.CloudProvider;
import io.crosspatch.kernel.PatchCounts;
import io.crosspatch.patching.compliance.domain.NodePatch;
import io.crosspatch.patching.compliance.domain.NodePatchState;
import io.crosspatch.patching.compliance.domain.PatchReport;
import io.crosspatch.patching.compliance.domain.PatchResultAssembler;
import io.crosspatch.patching.compliance.domain.ReportedPatch;
import io.crosspatch.patching.compliance.domain.WindowOutcome;
import io.crosspatch.patching.systemaccount.domain.EnrolledNode;
import io.crosspatch.patching.systemaccount.domain.ManagedNode;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** How an instance's report is put together from what SSM said and who enrolled it. */
class PatchResultAssemblerTest {

    private static final Instant NOW = Instant.parse("2026-03-10T03:00:00Z");
    private static final Instant STARTED = Instant.parse("2026-03-10T02:00:00Z");
    private static final Instant ENDED = Instant.parse("2026-03-10T02:20:00Z");

    @Test
    void reportsTheEnrollmentsIdentityAndWhatSsmSaysTheNodeRuns() {
        PatchReport report = PatchResultAssembler.assemble(
                "123456789012",
                anyNode(),
                anyInfo("Online"),
                Optional.of(anyState("Scan", 0, ENDED)),
                List.of(),
                Optional.empty(),
                NOW);

        assertThat(report.occurredAt()).isEqualTo(NOW);
        assertThat(report.node())
                .isEqualTo(new PatchReport.Node(
                        "tenant-1",
                        new CloudAccountKey(CloudProvider.AZURE, "sub-42"),
                        "Contoso",
                        "vm-7",
                        "mi-0123456789abcdef0",
                        "123456789012",
                        "db-1",
                        "Ubuntu",
                        "22.04",
                        "UBUNTU",
                        "late"));
        assertThat(report.baselineId()).contains("pb-0abc");
        assertThat(report.agent()).isEqualTo(new PatchReport.Agent("3.3.1", true, PatchReport.Ping.ONLINE, STARTED));
        assertThat(report.counts()).isEqualTo(new PatchCounts(12, 1, 2, 0, 3, 0, 40, 1, 2, 0));
    }

    @Test
    void givesEveryReportItsOwnEventId() {
        PatchReport first = PatchResultAssembler.assemble(
                "123456789012", anyNode(), anyInfo("Online"), Optional.empty(), List.of(), Optional.empty(), NOW);
        PatchReport second = PatchResultAssembler.assemble(
                "123456789012", anyNode(), anyInfo("Online"), Optional.empty(), List.of(), Optional.empty(), NOW);

        assertThat(first.eventId()).isNotEqualTo(second.eventId());
    }

    @Test
    void reportsNoOperationNoBaselineAndZeroCountsBeforeTheFirstScan() {
        PatchReport report = PatchResultAssembler.assemble(
                "123456789012", anyNode(), anyInfo("Online"), Optional.empty(), List.of(), Optional.empty(), NOW);

        assertThat(report.lastOperation()).isEmpty();
        assertThat(report.baselineId()).isEmpty();
        assertThat(report.counts()).isEqualTo(PatchCounts.NONE);
    }

    @Test
    void marksAnInstallFailedWhenTheWindowExecutionItRanInFailed() {
        WindowOutcome failedRun =
                new WindowOutcome("crosspatch-install-late", "FAILED", STARTED.minusSeconds(60), ENDED);

        PatchReport report = PatchResultAssembler.assemble(
                "123456789012",
                anyNode(),
                anyInfo("Online"),
                Optional.of(anyState("Install", 0, ENDED)),
                List.of(),
                Optional.of(failedRun),
                NOW);

        assertThat(report.lastOperation())
                .contains(new PatchReport.Operation(
                        PatchReport.Operation.Type.INSTALL, STARTED, ENDED, PatchReport.Operation.Outcome.FAILED));
    }

    @Test
    void keepsAnInstallSucceededWhenTheFailedWindowExecutionWasAnEarlierOne() {
        WindowOutcome earlierRun = new WindowOutcome(
                "crosspatch-install-late", "FAILED", STARTED.minusSeconds(7200), STARTED.minusSeconds(3600));

        PatchReport report = PatchResultAssembler.assemble(
                "123456789012",
                anyNode(),
                anyInfo("Online"),
                Optional.of(anyState("Install", 0, ENDED)),
                List.of(),
                Optional.of(earlierRun),
                NOW);

        assertThat(report.lastOperation())
                .map(PatchReport.Operation::outcome)
                .contains(PatchReport.Operation.Outcome.SUCCEEDED);
    }

    @Test
    void neverMarksAScanFailedForItsWindowButDoesForAFailedPatch() {
        WindowOutcome failedRun =
                new WindowOutcome("crosspatch-install-late", "FAILED", STARTED.minusSeconds(60), ENDED);

        PatchReport scan = PatchResultAssembler.assemble(
                "123456789012",
                anyNode(),
                anyInfo("Online"),
                Optional.of(anyState("Scan", 0, ENDED)),
                List.of(),
                Optional.of(failedRun),
                NOW);
        PatchReport scanWithFailedPatch = PatchResultAssembler.assemble(
                "123456789012",
                anyNode(),
                anyInfo("Online"),
                Optional.of(anyState("Scan", 1, ENDED)),
                List.of(),
                Optional.empty(),
                NOW);

        assertThat(scan.lastOperation())
                .map(PatchReport.Operation::outcome)
                .contains(PatchReport.Operation.Outcome.SUCCEEDED);
        assertThat(scanWithFailedPatch.lastOperation())
                .map(PatchReport.Operation::outcome)
                .contains(PatchReport.Operation.Outcome.FAILED);
    }

    @Test
    void endsAnOperationSsmReportsNoEndForWhenItStarted() {
        PatchReport report = PatchResultAssembler.assemble(
                "123456789012",
                anyNode(),
                anyInfo("Online"),
                Optional.of(anyState("Scan", 0, null)),
                List.of(),
                Optional.empty(),
                NOW);

        assertThat(report.lastOperation()).map(PatchReport.Operation::endedAt).contains(STARTED);
    }

    @Test
    void readsSsmPingStatusesItDoesNotKnowAsUnknown() {
        assertThat(PatchResultAssembler.assemble(
                                "123456789012",
                                anyNode(),
                                anyInfo("ConnectionLost"),
                                Optional.empty(),
                                List.of(),
                                Optional.empty(),
                                NOW)
                        .agent()
                        .pingStatus())
                .isEqualTo(PatchReport.Ping.CONNECTION_LOST);
        assertThat(PatchResultAssembler.assemble(
                                "123456789012",
                                anyNode(),
                                anyInfo("Sleeping"),
                                Optional.empty(),
                                List.of(),
                                Optional.empty(),
                                NOW)
                        .agent()
                        .pingStatus())
                .isEqualTo(PatchReport.Ping.UNKNOWN);
        assertThat(PatchResultAssembler.assemble(
                                "123456789012",
                                anyNode(),
                                anyInfo(null),
                                Optional.empty(),
                                List.of(),
                                Optional.empty(),
                                NOW)
                        .agent()
                        .pingStatus())
                .isEqualTo(PatchReport.Ping.UNKNOWN);
    }

    @Test
    void reportsAPatchWithoutClassificationOrSeverityAsEmptyTextAndAnUnknownStateAsMissing() {
        ReportedPatch patch = PatchResultAssembler.detail(new NodePatch(
                "USN-7003-1", "curl", null, null, "AVAILABLE_SECURITY_UPDATE", null, List.of("CVE-2026-3")));

        assertThat(patch)
                .isEqualTo(new ReportedPatch(
                        "USN-7003-1", "curl", "", "", ReportedPatch.State.MISSING, null, List.of("CVE-2026-3")));
        assertThat(PatchResultAssembler.detail(new NodePatch(
                                "KB5034441",
                                "update",
                                "SecurityUpdates",
                                "Critical",
                                "INSTALLED_PENDING_REBOOT",
                                ENDED,
                                List.of()))
                        .state())
                .isEqualTo(ReportedPatch.State.INSTALLED_PENDING_REBOOT);
    }

    private static EnrolledNode anyNode() {
        return new EnrolledNode(
                "mi-0123456789abcdef0",
                "enrollment-1",
                "tenant-1",
                CloudProvider.AZURE,
                "sub-42",
                "Contoso",
                "vm-7",
                "db-1",
                "UBUNTU",
                "late",
                Optional.empty(),
                Optional.empty(),
                Optional.empty());
    }

    private static ManagedNode anyInfo(String ping) {
        return new ManagedNode(
                "mi-0123456789abcdef0", "activation-1", ping, STARTED, "3.3.1", true, "Ubuntu", "22.04", "db-1");
    }

    private static NodePatchState anyState(String operation, int failed, Instant end) {
        return new NodePatchState(
                "mi-0123456789abcdef0",
                "late",
                "pb-0abc",
                new PatchCounts(12, 1, 2, 0, 3, failed, 40, 1, 2, 0),
                operation,
                STARTED,
                end);
    }
}
