package io.crosspatch.patching.compliance.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.crosspatch.events.OperatingSystem;
import io.crosspatch.events.OperationOutcome;
import io.crosspatch.events.PatchDetail;
import io.crosspatch.events.PatchOperationType;
import io.crosspatch.events.PatchResult;
import io.crosspatch.events.PatchState;
import io.crosspatch.events.PingStatus;
import io.crosspatch.events.Provider;
import io.crosspatch.kernel.CloudAccountKey;
import io.crosspatch.kernel.CloudProvider;
import io.crosspatch.kernel.PatchCounts;
import io.crosspatch.patching.compliance.domain.PatchReport;
import io.crosspatch.patching.compliance.domain.ReportedPatch;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The {@code patch.results} record a report becomes, and the patches a stored record gives back. */
class PatchResultsTest {

    private static final Instant AT = Instant.parse("2026-03-10T02:15:00Z");

    @Test
    void carriesEveryFieldOfTheReportOntoTheRecord() {
        PatchReport report = anyReport(Optional.of(new PatchReport.Operation(
                PatchReport.Operation.Type.INSTALL,
                AT.minusSeconds(900),
                AT.minusSeconds(300),
                PatchReport.Operation.Outcome.FAILED)));

        PatchResult result = PatchResults.toAvro(report);

        assertThat(result.getEventId()).isEqualTo(report.eventId());
        assertThat(result.getOccurredAt()).isEqualTo(AT);
        assertThat(result.getProvider()).isEqualTo(Provider.VMWARE);
        assertThat(result.getCloudAccountId()).hasToString("dc-1");
        assertThat(result.getCloudAccountName()).isNull();
        assertThat(List.of(
                        result.getTenantId(),
                        result.getInstanceId(),
                        result.getManagedInstanceId(),
                        result.getSystemAccountId(),
                        result.getHostname(),
                        result.getPlatformName(),
                        result.getPatchGroup(),
                        result.getBaselineId()))
                .map(String::valueOf)
                .containsExactly(
                        "tenant-1",
                        "vm-7",
                        "mi-0123456789abcdef0",
                        "123456789012",
                        "db-1",
                        "Windows",
                        "early",
                        "pb-0abc");
        assertThat(result.getPlatformVersion()).isNull();
        assertThat(result.getOperatingSystem()).isEqualTo(OperatingSystem.WINDOWS);
        assertThat(result.getAgent().getPingStatus()).isEqualTo(PingStatus.INACTIVE);
        assertThat(result.getAgent().getIsLatestVersion()).isFalse();
        assertThat(result.getAgent().getLastPingAt()).isEqualTo(AT);
        assertThat(List.of(
                        result.getCounts().getInstalled(),
                        result.getCounts().getMissing(),
                        result.getCounts().getFailed(),
                        result.getCounts().getOtherNonCompliant()))
                .containsExactly(1, 5, 6, 10);
        assertThat(result.getLastOperation().getOperation()).isEqualTo(PatchOperationType.INSTALL);
        assertThat(result.getLastOperation().getOutcome()).isEqualTo(OperationOutcome.FAILED);
        assertThat(result.getLastOperation().getStartedAt()).isEqualTo(AT.minusSeconds(900));
        assertThat(result.getPatches())
                .extracting(PatchDetail::getState)
                .containsExactly(PatchState.INSTALLED_REJECTED, PatchState.NOT_APPLICABLE);
    }

    @Test
    void leavesTheLastOperationOutBeforeTheFirstOne() {
        assertThat(PatchResults.toAvro(anyReport(Optional.empty())).getLastOperation())
                .isNull();
    }

    @Test
    void keysTheRecordByTheInstancesCloudAccount() {
        assertThat(PatchResults.key(anyReport(Optional.empty()))).hasToString("vmware:dc-1");
    }

    @Test
    void givesBackThePatchesOfAStoredState() {
        PatchReport report = anyReport(Optional.empty());
        AvroPatchResultCodec codec = new AvroPatchResultCodec();

        List<ReportedPatch> patches = codec.patchesOf(codec.encode(report));

        assertThat(patches).isEqualTo(report.patches());
    }

    @Test
    void storesEqualReportsAsEqualBytes() {
        PatchReport report = anyReport(Optional.empty());
        AvroPatchResultCodec codec = new AvroPatchResultCodec();

        assertThat(codec.encode(report)).isEqualTo(codec.encode(report));
    }

    private static PatchReport anyReport(Optional<PatchReport.Operation> operation) {
        return new PatchReport(
                UUID.randomUUID(),
                AT,
                new PatchReport.Node(
                        "tenant-1",
                        new CloudAccountKey(CloudProvider.VMWARE, "dc-1"),
                        null,
                        "vm-7",
                        "mi-0123456789abcdef0",
                        "123456789012",
                        "db-1",
                        "Windows",
                        null,
                        "WINDOWS",
                        "early"),
                Optional.of("pb-0abc"),
                new PatchReport.Agent(null, false, PatchReport.Ping.INACTIVE, AT),
                new PatchCounts(1, 2, 3, 4, 5, 6, 7, 8, 9, 10),
                operation,
                List.of(
                        new ReportedPatch(
                                "KB5034441",
                                "Security update",
                                "SecurityUpdates",
                                "Critical",
                                ReportedPatch.State.INSTALLED_REJECTED,
                                AT.minusSeconds(86_400),
                                List.of("CVE-2026-7")),
                        new ReportedPatch(
                                "KB5034442", "Other", "", "", ReportedPatch.State.NOT_APPLICABLE, null, List.of())));
    }
}
