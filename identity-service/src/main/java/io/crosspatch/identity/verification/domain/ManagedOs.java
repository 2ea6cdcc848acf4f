package io.crosspatch.identity.verification.domain;

import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The operating systems SSM keeps a patch baseline for (the names of the {@code OperatingSystem} contract enum),
 * and how an OS family reported by a VM (its {@code /etc/os-release} ID, or "windows") maps to one. Amazon Linux
 * is told apart by version: 2 is AMAZON_LINUX_2, 2023 and the old 201x releases are AMAZON_LINUX.
 */
public enum ManagedOs {
    WINDOWS,
    UBUNTU,
    DEBIAN,
    CENTOS,
    REDHAT_ENTERPRISE_LINUX,
    ORACLE_LINUX,
    AMAZON_LINUX,
    AMAZON_LINUX_2;

    /** The managed OS for a reported family and version, or empty when Crosspatch cannot patch it. */
    public static Optional<ManagedOs> of(@Nullable String family, @Nullable String version) {
        if (family == null) {
            return Optional.empty();
        }
        String normalized =
                family.trim().toLowerCase(Locale.ROOT).replace('_', ' ').replace('-', ' ');
        return switch (normalized) {
            case "windows", "windows server", "microsoftwindowsserver" -> Optional.of(WINDOWS);
            case "ubuntu" -> Optional.of(UBUNTU);
            case "debian" -> Optional.of(DEBIAN);
            case "centos" -> Optional.of(CENTOS);
            case "rhel", "redhat", "red hat", "red hat enterprise linux" -> Optional.of(REDHAT_ENTERPRISE_LINUX);
            case "ol", "oracle", "oracle linux", "oraclelinux" -> Optional.of(ORACLE_LINUX);
            case "amzn", "amazon", "amazon linux", "amazonlinux" -> Optional.of(amazonLinux(version));
            case "amazon linux 2", "amzn2", "amazonlinux2" -> Optional.of(AMAZON_LINUX_2);
            default -> Optional.empty();
        };
    }

    private static ManagedOs amazonLinux(@Nullable String version) {
        return version != null && version.trim().equals("2") ? AMAZON_LINUX_2 : AMAZON_LINUX;
    }
}
