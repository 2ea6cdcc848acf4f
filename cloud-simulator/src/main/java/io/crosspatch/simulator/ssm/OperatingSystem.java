package io.crosspatch.simulator.ssm;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * SSM's {@code OperatingSystem} enum: what a patch baseline is for, and what a managed node's reported platform
 * maps to. The platform names are those the SSM Agent reads from {@code /etc/os-release} (NAME) or from Windows.
 */
public enum OperatingSystem {
    WINDOWS,
    AMAZON_LINUX,
    AMAZON_LINUX_2,
    AMAZON_LINUX_2022,
    UBUNTU,
    REDHAT_ENTERPRISE_LINUX,
    SUSE,
    CENTOS,
    ORACLE_LINUX,
    DEBIAN,
    MACOS,
    RASPBIAN,
    ROCKY_LINUX,
    ALMA_LINUX,
    AMAZON_LINUX_2023;

    private static final Set<String> WINDOWS_FILTER_KEYS =
            Set.of("PATCH_SET", "PRODUCT", "PRODUCT_FAMILY", "CLASSIFICATION", "MSRC_SEVERITY", "PATCH_ID");
    private static final Set<String> DEBIAN_FILTER_KEYS = Set.of("PRODUCT", "PRIORITY", "SECTION", "PATCH_ID");
    private static final Set<String> LINUX_FILTER_KEYS =
            Set.of("PRODUCT", "CLASSIFICATION", "SEVERITY", "SECURITY", "ARCH", "PATCH_ID");

    /** The API reference: ApproveAfterDays and ApproveUntilDate are not supported for Debian Server or Ubuntu Server. */
    public boolean supportsApprovalDelays() {
        return this != UBUNTU && this != DEBIAN && this != RASPBIAN;
    }

    /** {@code Windows}, {@code Linux} or {@code MacOS}, as DescribeInstanceInformation reports PlatformType. */
    public String platformType() {
        return switch (this) {
            case WINDOWS -> "Windows";
            case MACOS -> "MacOS";
            default -> "Linux";
        };
    }

    /** The patch filter keys a baseline for this OS accepts (DescribePatchProperties' keys per OS). */
    public Set<String> patchFilterKeys() {
        return switch (this) {
            case WINDOWS -> WINDOWS_FILTER_KEYS;
            case UBUNTU, DEBIAN, RASPBIAN -> DEBIAN_FILTER_KEYS;
            default -> LINUX_FILTER_KEYS;
        };
    }

    /** Linux baselines may enable non-security updates; Windows ones may not. */
    public boolean supportsNonSecurityUpdates() {
        return this != WINDOWS;
    }

    public static Optional<OperatingSystem> parse(String value) {
        return EnumSet.allOf(OperatingSystem.class).stream()
                .filter(os -> os.name().equals(value))
                .findFirst();
    }

    /**
     * What a node's platform maps to, e.g. {@code ("Amazon Linux", "2")} is AMAZON_LINUX_2 and
     * {@code ("Microsoft Windows Server 2022 Datacenter", "10.0.20348")} is WINDOWS.
     */
    public static Optional<OperatingSystem> fromPlatform(
            @Nullable String platformName, @Nullable String platformVersion) {
        String name = platformName == null ? "" : platformName.toLowerCase(Locale.ROOT);
        String version = platformVersion == null ? "" : platformVersion;
        if (name.startsWith("microsoft windows") || name.startsWith("windows")) {
            return Optional.of(WINDOWS);
        }
        if (name.startsWith("amazon linux")) {
            return Optional.of(amazonLinux(version));
        }
        if (name.startsWith("ubuntu")) {
            return Optional.of(UBUNTU);
        }
        if (name.startsWith("debian")) {
            return Optional.of(DEBIAN);
        }
        if (name.startsWith("raspbian")) {
            return Optional.of(RASPBIAN);
        }
        if (name.startsWith("centos")) {
            return Optional.of(CENTOS);
        }
        if (name.startsWith("red hat")) {
            return Optional.of(REDHAT_ENTERPRISE_LINUX);
        }
        if (name.startsWith("oracle linux")) {
            return Optional.of(ORACLE_LINUX);
        }
        if (name.startsWith("rocky")) {
            return Optional.of(ROCKY_LINUX);
        }
        if (name.startsWith("almalinux")) {
            return Optional.of(ALMA_LINUX);
        }
        if (name.startsWith("sles") || name.contains("suse")) {
            return Optional.of(SUSE);
        }
        if (name.startsWith("macos") || name.startsWith("mac os")) {
            return Optional.of(MACOS);
        }
        return Optional.empty();
    }

    private static OperatingSystem amazonLinux(String version) {
        if (version.equals("2")) {
            return AMAZON_LINUX_2;
        }
        if (version.startsWith("2023")) {
            return AMAZON_LINUX_2023;
        }
        if (version.startsWith("2022")) {
            return AMAZON_LINUX_2022;
        }
        return AMAZON_LINUX;
    }
}
