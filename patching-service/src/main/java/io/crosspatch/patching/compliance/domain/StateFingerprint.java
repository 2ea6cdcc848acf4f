package io.crosspatch.patching.compliance.domain;

import io.crosspatch.kernel.PatchCounts;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The fingerprint of an instance's published state: SHA-256 over every field of a {@link PatchReport} that
 * describes the instance, written out field by field — not the event's id or time, and not the last ping time,
 * which moves with every heartbeat (the ping status is included). Field by field rather than by {@code equals()}
 * because it is stored per node and compared across restarts and releases: the text is the one fingerprints were
 * always computed over (enum names, {@code null} for absent values, patches ordered by id), so a release does not
 * republish every unchanged instance.
 */
public final class StateFingerprint {

    private StateFingerprint() {}

    public static String of(PatchReport report) {
        StringBuilder text = new StringBuilder();
        PatchReport.Node node = report.node();
        append(
                text,
                node.tenantId(),
                node.cloudAccount().provider().name(),
                node.cloudAccount().cloudAccountId(),
                node.cloudAccountName(),
                node.instanceId(),
                node.managedInstanceId(),
                node.systemAccountId(),
                node.hostname(),
                node.platformName(),
                node.platformVersion(),
                node.operatingSystem(),
                node.patchGroup(),
                report.baselineId().orElse(null));
        PatchReport.Agent agent = report.agent();
        append(text, agent.version(), agent.latestVersion(), agent.pingStatus());
        PatchCounts counts = report.counts();
        append(
                text,
                counts.installed(),
                counts.installedOther(),
                counts.installedPendingReboot(),
                counts.installedRejected(),
                counts.missing(),
                counts.failed(),
                counts.notApplicable(),
                counts.criticalNonCompliant(),
                counts.securityNonCompliant(),
                counts.otherNonCompliant());
        report.lastOperation()
                .ifPresentOrElse(
                        operation -> append(
                                text,
                                operation.type(),
                                operation.startedAt(),
                                operation.endedAt(),
                                operation.outcome()),
                        () -> append(text, "no-operation"));
        List<ReportedPatch> patches = report.patches().stream()
                .sorted(Comparator.comparing(ReportedPatch::id))
                .toList();
        for (ReportedPatch patch : patches) {
            append(
                    text,
                    patch.id(),
                    patch.title(),
                    patch.classification(),
                    patch.severity(),
                    patch.state(),
                    patch.installedAt(),
                    String.join(",", patch.cveIds()));
        }
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256")
                            .digest(text.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }

    private static void append(StringBuilder text, @Nullable Object... values) {
        for (Object value : values) {
            String s = String.valueOf(value);
            text.append(s.length()).append(':').append(s).append(';');
        }
        text.append('\n');
    }
}
