package io.crosspatch.patching.inventory.domain;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Builds the published inventory of one node and keeps it bounded: applications ordered by name (then version),
 * at most {@link #MAX_APPLICATIONS} of them, names and publishers cut at 128 characters and versions at 64. At
 * those bounds a record is at most about 660 KB, under Kafka's 1 MB default whatever the host; a typical server
 * of a few hundred packages is some 20 KB. A host with 5,000 packages is published with its first 2,000 by name,
 * {@code applicationCount} 5,000 and {@code applicationsTruncated} true. The kernel is the version of the kernel
 * package ({@code kernel}, {@code kernel-core}, {@code linux-image-*}) or, on Windows, the OS build.
 */
public final class InventoryAssembler {

    public static final int MAX_APPLICATIONS = 2_000;
    public static final int MAX_NAME = 128;
    public static final int MAX_VERSION = 64;
    public static final int MAX_PUBLISHER = 128;

    private static final Comparator<Application> BY_NAME =
            Comparator.comparing(Application::name).thenComparing(a -> a.version() == null ? "" : a.version());

    private InventoryAssembler() {}

    public static InventoryReport assemble(
            InventoryReport.Node node, InstanceInformation information, Optional<ApplicationList> applications) {
        List<Application> all = applications.map(ApplicationList::applications).orElse(List.of()).stream()
                .map(InventoryAssembler::bounded)
                .sorted(BY_NAME)
                .toList();
        Instant applicationsCapturedAt =
                applications.map(ApplicationList::capturedAt).orElse(null);
        Instant occurredAt = applicationsCapturedAt != null && applicationsCapturedAt.isAfter(information.capturedAt())
                ? applicationsCapturedAt
                : information.capturedAt();
        return new InventoryReport(
                UUID.randomUUID(),
                occurredAt,
                node,
                information.computerName(),
                information.platformType(),
                information.platformName(),
                information.platformVersion(),
                kernel(information, all),
                information.ipAddress(),
                information.agentVersion(),
                applicationsCapturedAt,
                all.size(),
                all.size() > MAX_APPLICATIONS,
                all.size() > MAX_APPLICATIONS ? all.subList(0, MAX_APPLICATIONS) : all);
    }

    static @Nullable String kernel(InstanceInformation information, List<Application> applications) {
        if ("Windows".equalsIgnoreCase(information.platformType())) {
            return information.platformVersion();
        }
        return applications.stream()
                .filter(a -> isKernelPackage(a.name()) && a.version() != null)
                .map(Application::version)
                .max(Comparator.naturalOrder())
                .orElse(null);
    }

    private static boolean isKernelPackage(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.equals("kernel") || n.equals("kernel-core") || n.startsWith("linux-image-");
    }

    private static Application bounded(Application application) {
        return new Application(
                cut(application.name(), MAX_NAME),
                cutOrNull(application.version(), MAX_VERSION),
                cutOrNull(application.publisher(), MAX_PUBLISHER));
    }

    private static @Nullable String cutOrNull(@Nullable String value, int max) {
        return value == null || value.isEmpty() ? null : cut(value, max);
    }

    private static String cut(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max);
    }
}
