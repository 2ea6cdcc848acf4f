package io.crosspatch.launcher.fleet;

import java.util.List;

/**
 * The operating systems of the demo fleet: what a VM reports in {@code /etc/os-release} (family, version) and what
 * its SSM Agent reports as the platform name, from which SSM picks the baseline.
 */
public enum FleetOs {
    UBUNTU("ubuntu", "22.04", "Ubuntu", "Linux"),
    DEBIAN("debian", "12", "Debian GNU/Linux", "Linux"),
    RHEL("rhel", "9.4", "Red Hat Enterprise Linux", "Linux"),
    CENTOS("centos", "7.9", "CentOS Linux", "Linux"),
    ORACLE("ol", "8.9", "Oracle Linux Server", "Linux"),
    AMAZON_LINUX("amzn", "2018.03", "Amazon Linux AMI", "Linux"),
    AMAZON_LINUX_2("amzn", "2", "Amazon Linux", "Linux"),
    WINDOWS("windows", "2022", "Microsoft Windows Server 2022 Datacenter", "Windows");

    /** The ones the startup script can enroll (it is for Linux). */
    public static final List<FleetOs> LINUX =
            List.of(UBUNTU, DEBIAN, RHEL, CENTOS, ORACLE, AMAZON_LINUX, AMAZON_LINUX_2);

    private final String family;
    private final String version;
    private final String platformName;
    private final String platformType;

    FleetOs(String family, String version, String platformName, String platformType) {
        this.family = family;
        this.version = version;
        this.platformName = platformName;
        this.platformType = platformType;
    }

    public String family() {
        return family;
    }

    public String version() {
        return version;
    }

    public String platformName() {
        return platformName;
    }

    public String platformType() {
        return platformType;
    }
}
