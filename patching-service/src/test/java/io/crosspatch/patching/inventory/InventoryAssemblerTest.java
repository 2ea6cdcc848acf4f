package io.crosspatch.patching.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import io.crosspatch.kernel.CloudAccountKey;
import io.crosspatch.kernel.CloudProvider;
import io.crosspatch.patching.inventory.domain.Application;
import io.crosspatch.patching.inventory.domain.ApplicationList;
import io.crosspatch.patching.inventory.domain.InstanceInformation;
import io.crosspatch.patching.inventory.domain.InventoryAssembler;
import io.crosspatch.patching.inventory.domain.InventoryFingerprint;
import io.crosspatch.patching.inventory.domain.InventoryReport;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The published inventory's bounds, kernel and fingerprint, as plain rules. */
class InventoryAssemblerTest {

    private static final Instant T0 = Instant.parse("2026-12-01T02:00:00Z");

    @Test
    void shouldPublishTheFirstTwoThousandByNameAndTheTrueCountForAHostWithFiveThousandPackages() {
        List<Application> many = IntStream.range(0, 5_000)
                .mapToObj(i -> new Application(String.format(Locale.ROOT, "pkg-%05d", 4_999 - i), "1.0", null))
                .toList();

        InventoryReport report = InventoryAssembler.assemble(
                anyNode(), linux(T0), Optional.of(new ApplicationList(T0.plusSeconds(60), many)));

        assertThat(report.applicationCount()).isEqualTo(5_000);
        assertThat(report.applicationsTruncated()).isTrue();
        assertThat(report.applications()).hasSize(InventoryAssembler.MAX_APPLICATIONS);
        assertThat(report.applications().get(0).name()).isEqualTo("pkg-00000");
        assertThat(report.applications().get(1_999).name()).isEqualTo("pkg-01999");
        assertThat(report.occurredAt()).isEqualTo(T0.plusSeconds(60));
    }

    @Test
    void shouldCutOverlongTextsAndTakeTheKernelFromTheKernelPackage() {
        List<Application> applications = List.of(
                new Application("x".repeat(500), "v".repeat(500), "p".repeat(500)),
                new Application("linux-image-generic", "6.8.0-45.1", "Ubuntu Developers"),
                new Application("openssl", "", null));

        InventoryReport report =
                InventoryAssembler.assemble(anyNode(), linux(T0), Optional.of(new ApplicationList(T0, applications)));

        Application cut = report.applications().get(2);
        assertThat(cut.name()).hasSize(InventoryAssembler.MAX_NAME);
        assertThat(cut.version()).hasSize(InventoryAssembler.MAX_VERSION);
        assertThat(cut.publisher()).hasSize(InventoryAssembler.MAX_PUBLISHER);
        assertThat(report.applications().get(1).version()).isNull();
        assertThat(report.kernelVersion()).isEqualTo("6.8.0-45.1");
        assertThat(report.applicationsTruncated()).isFalse();
    }

    @Test
    void shouldTakeTheWindowsKernelFromTheOsBuildAndHaveNoApplicationsBeforeTheirFirstCapture() {
        InstanceInformation windows = new InstanceInformation(
                T0, "win-1", "Windows", "Microsoft Windows Server 2022", "10.0.20348", null, null);

        InventoryReport report = InventoryAssembler.assemble(anyNode(), windows, Optional.empty());

        assertThat(report.kernelVersion()).isEqualTo("10.0.20348");
        assertThat(report.applicationCount()).isZero();
        assertThat(report.applicationsCapturedAt()).isNull();
    }

    @Test
    void shouldFingerprintTheContentNotTheCaptureTimes() {
        List<Application> applications = List.of(new Application("bash", "5.2", null));
        InventoryReport first =
                InventoryAssembler.assemble(anyNode(), linux(T0), Optional.of(new ApplicationList(T0, applications)));
        InventoryReport recaptured = InventoryAssembler.assemble(
                anyNode(),
                linux(T0.plusSeconds(86_400)),
                Optional.of(new ApplicationList(T0.plusSeconds(86_400), applications)));
        InventoryReport upgraded = InventoryAssembler.assemble(
                anyNode(),
                linux(T0),
                Optional.of(new ApplicationList(T0, List.of(new Application("bash", "5.3", null)))));

        assertThat(InventoryFingerprint.of(recaptured)).isEqualTo(InventoryFingerprint.of(first));
        assertThat(InventoryFingerprint.of(upgraded)).isNotEqualTo(InventoryFingerprint.of(first));
    }

    static InventoryReport.Node anyNode() {
        return new InventoryReport.Node(
                "acme",
                new CloudAccountKey(CloudProvider.GCP, "acme-prod"),
                "4567890123456789012",
                "mi-0123456789abcdef0",
                "123456789012");
    }

    static InstanceInformation linux(Instant capturedAt) {
        return new InstanceInformation(capturedAt, "web-1", "Linux", "Ubuntu", "22.04", "10.0.0.17", "3.3.987.0");
    }
}
