package io.crosspatch.patching.inventory.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.jspecify.annotations.Nullable;

/**
 * The fingerprint of a published inventory: SHA-256 over every field that describes the instance, written out field
 * by field — not the event's id, nor the capture times, which SSM moves whenever the agent uploads — so a node whose
 * inventory was captured again with the same content is not published again. Stored per node and compared across
 * restarts, hence field by field rather than {@code equals()}.
 */
public final class InventoryFingerprint {

    private InventoryFingerprint() {}

    public static String of(InventoryReport report) {
        StringBuilder text = new StringBuilder();
        InventoryReport.Node node = report.node();
        append(
                text,
                node.tenantId(),
                node.cloudAccount().provider().name(),
                node.cloudAccount().cloudAccountId(),
                node.instanceId(),
                node.managedInstanceId(),
                node.systemAccountId());
        append(
                text,
                report.hostname(),
                report.platformType(),
                report.platformName(),
                report.platformVersion(),
                report.kernelVersion(),
                report.ipAddress(),
                report.agentVersion(),
                report.applicationCount(),
                report.applicationsTruncated());
        for (Application application : report.applications()) {
            append(text, application.name(), application.version(), application.publisher());
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
