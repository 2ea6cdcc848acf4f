package io.crosspatch.patching.compliance.domain;

import io.crosspatch.events.PatchDetail;
import io.crosspatch.events.PatchResult;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;

/**
 * The fingerprint of an instance's published state: SHA-256 over every field of a {@link PatchResult} that
 * describes the instance, written out field by field — not the event's id or time, and not the last ping time,
 * which moves with every heartbeat (the ping status is included). Avro's generated {@code equals()} cannot be
 * used for this: it throws on the patch list's timestamp unions.
 */
public final class StateFingerprint {

    private StateFingerprint() {
    }

    public static String of(PatchResult result) {
        StringBuilder text = new StringBuilder();
        append(text, result.getTenantId(), result.getProvider(), result.getCloudAccountId(), result.getCloudAccountName(),
                result.getInstanceId(), result.getManagedInstanceId(), result.getSystemAccountId(), result.getHostname(),
                result.getPlatformName(), result.getPlatformVersion(), result.getOperatingSystem(), result.getPatchGroup(),
                result.getBaselineId());
        append(text, result.getAgent().getVersion(), result.getAgent().getIsLatestVersion(), result.getAgent().getPingStatus());
        var counts = result.getCounts();
        append(text, counts.getInstalled(), counts.getInstalledOther(), counts.getInstalledPendingReboot(),
                counts.getInstalledRejected(), counts.getMissing(), counts.getFailed(), counts.getNotApplicable(),
                counts.getCriticalNonCompliant(), counts.getSecurityNonCompliant(), counts.getOtherNonCompliant());
        var operation = result.getLastOperation();
        if (operation == null) {
            append(text, "no-operation");
        } else {
            append(text, operation.getOperation(), operation.getStartedAt(), operation.getEndedAt(), operation.getOutcome());
        }
        List<PatchDetail> patches = result.getPatches().stream().sorted(Comparator.comparing(PatchDetail::getId)).toList();
        for (PatchDetail patch : patches) {
            append(text, patch.getId(), patch.getTitle(), patch.getClassification(), patch.getSeverity(), patch.getState(),
                    patch.getInstalledAt(), String.join(",", patch.getCveIds()));
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }

    private static void append(StringBuilder text, Object... values) {
        for (Object value : values) {
            String s = String.valueOf(value);
            text.append(s.length()).append(':').append(s).append(';');
        }
        text.append('\n');
    }
}
