package io.crosspatch.simulator.ssm.patching;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A deterministic per-OS catalogue of vendor patches, released every few days from 90 days before the
 * simulator started until 30 days after, so that a patch's age decides whether early (0 days), on-time (7)
 * and late (14) baselines approve it — and advancing the simulated clock releases new patches and ages old
 * ones. The same seed always yields the same catalogue, which is what lets tests compare Crosspatch's
 * reports with ground truth.
 */
public final class PatchCatalogue {

    static final int PATCHES_PER_OS = 30;
    private static final Duration FIRST_RELEASE_BEFORE_START = Duration.ofDays(90);
    private static final Duration RELEASE_INTERVAL = Duration.ofDays(4);

    private static final List<String> WINDOWS_CLASSIFICATIONS = List.of(
            "SecurityUpdates", "CriticalUpdates", "Updates", "SecurityUpdates", "UpdateRollups", "DefinitionUpdates");
    private static final List<String> WINDOWS_SEVERITIES =
            List.of("Critical", "Important", "Moderate", "Low", "Important");
    private static final List<String> RPM_CLASSIFICATIONS =
            List.of("Security", "Bugfix", "Security", "Enhancement", "Security", "Recommended");
    private static final List<String> RPM_SEVERITIES = List.of("Critical", "Important", "Medium", "Low", "Important");
    private static final List<String> DEB_PRIORITIES = List.of("Required", "Important", "Standard", "Optional");
    private static final List<String> DEB_SECTIONS = List.of("libs", "net", "admin", "utils", "kernel", "web");
    private static final List<String> DEB_SEVERITIES = List.of("Critical", "High", "Medium", "Low", "Medium");

    private final Instant start;
    private final long seed;
    private final Map<String, List<CataloguePatch>> byOs = new ConcurrentHashMap<>();

    public PatchCatalogue(Instant start, long seed) {
        this.start = start;
        this.seed = seed;
    }

    /** Every patch of {@code operatingSystem} (SSM's OperatingSystem value), released or still to come. */
    public List<CataloguePatch> patches(String operatingSystem) {
        return byOs.computeIfAbsent(operatingSystem, this::generate);
    }

    /** The patches of {@code operatingSystem} released by {@code now}. */
    public List<CataloguePatch> released(String operatingSystem, Instant now) {
        return patches(operatingSystem).stream()
                .filter(patch -> !patch.releaseDate().isAfter(now))
                .toList();
    }

    private List<CataloguePatch> generate(String operatingSystem) {
        OsFlavour flavour = OsFlavour.of(operatingSystem);
        int salt = Math.floorMod(Long.hashCode(seed) * 31 + operatingSystem.hashCode(), 997);
        List<CataloguePatch> patches = new ArrayList<>(PATCHES_PER_OS);
        for (int i = 0; i < PATCHES_PER_OS; i++) {
            Instant released = start.minus(FIRST_RELEASE_BEFORE_START)
                    .plus(RELEASE_INTERVAL.multipliedBy(i))
                    .plus(Duration.ofHours((salt + i * 7L) % 24));
            int n = salt + i;
            List<String> cves = i % 3 == 2
                    ? List.of()
                    : List.of(
                            String.format(Locale.ROOT, "CVE-2026-%05d", 10_000 + n * 3),
                            String.format(Locale.ROOT, "CVE-2026-%05d", 10_001 + n * 3));
            patches.add(
                    switch (flavour) {
                        case WINDOWS ->
                            new CataloguePatch(
                                    String.format(Locale.ROOT, "KB50%05d", 40_000 + n),
                                    "Cumulative update for Windows Server (KB50" + (40_000 + n) + ")",
                                    "WindowsServer2022",
                                    WINDOWS_CLASSIFICATIONS.get(i % WINDOWS_CLASSIFICATIONS.size()),
                                    WINDOWS_SEVERITIES.get(i % WINDOWS_SEVERITIES.size()),
                                    null,
                                    null,
                                    released,
                                    cves,
                                    i % 2 == 0);
                        case DEB -> {
                            String section = DEB_SECTIONS.get(i % DEB_SECTIONS.size());
                            yield new CataloguePatch(
                                    flavour.advisory(operatingSystem, n),
                                    section + "-package" + i + " security and bug fixes",
                                    operatingSystem.equals("UBUNTU") ? "Ubuntu22.04" : "Debian12",
                                    i % 2 == 0 ? "Security" : "Updates",
                                    DEB_SEVERITIES.get(i % DEB_SEVERITIES.size()),
                                    DEB_PRIORITIES.get(i % DEB_PRIORITIES.size()),
                                    section,
                                    released,
                                    cves,
                                    section.equals("kernel"));
                        }
                        case RPM ->
                            new CataloguePatch(
                                    flavour.advisory(operatingSystem, n),
                                    "Important: package" + i + " security update",
                                    productOf(operatingSystem),
                                    RPM_CLASSIFICATIONS.get(i % RPM_CLASSIFICATIONS.size()),
                                    RPM_SEVERITIES.get(i % RPM_SEVERITIES.size()),
                                    null,
                                    null,
                                    released,
                                    cves,
                                    i % 5 == 0);
                    });
        }
        return List.copyOf(patches);
    }

    private static String productOf(String operatingSystem) {
        return switch (operatingSystem) {
            case "REDHAT_ENTERPRISE_LINUX" -> "RedhatEnterpriseLinux9";
            case "CENTOS" -> "CentOS7";
            case "ORACLE_LINUX" -> "OracleLinux8";
            case "AMAZON_LINUX" -> "AmazonLinux2018.03";
            case "AMAZON_LINUX_2" -> "AmazonLinux2";
            default -> operatingSystem;
        };
    }

    /** How an OS family names and classifies its patches. */
    private enum OsFlavour {
        WINDOWS,
        DEB,
        RPM;

        static OsFlavour of(String operatingSystem) {
            return switch (operatingSystem) {
                case "WINDOWS" -> WINDOWS;
                case "UBUNTU", "DEBIAN" -> DEB;
                default -> RPM;
            };
        }

        String advisory(String operatingSystem, int n) {
            return switch (operatingSystem) {
                case "UBUNTU" -> "USN-" + (7000 + n) + "-1";
                case "DEBIAN" -> "DSA-" + (5600 + n) + "-1";
                case "REDHAT_ENTERPRISE_LINUX" -> String.format(Locale.ROOT, "RHSA-2026:%04d", 1000 + n);
                case "CENTOS" -> String.format(Locale.ROOT, "CESA-2026:%04d", 1000 + n);
                case "ORACLE_LINUX" -> String.format(Locale.ROOT, "ELSA-2026-%04d", 1000 + n);
                case "AMAZON_LINUX" -> String.format(Locale.ROOT, "ALAS-2026-%04d", 1000 + n);
                case "AMAZON_LINUX_2" -> String.format(Locale.ROOT, "ALAS2-2026-%04d", 1000 + n);
                default -> "PATCH-" + n;
            };
        }
    }
}
