package io.crosspatch.simulator.ssm;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How reported platforms map to SSM's operating systems, and what each allows in a baseline. Plain JUnit. */
class OperatingSystemTest {

    @ParameterizedTest
    @CsvSource({
        "Microsoft Windows Server 2022 Datacenter, 10.0.20348, WINDOWS",
        "Ubuntu, 22.04, UBUNTU",
        "Debian GNU/Linux, 12, DEBIAN",
        "CentOS Linux, 7, CENTOS",
        "Red Hat Enterprise Linux, 9.3, REDHAT_ENTERPRISE_LINUX",
        "Oracle Linux Server, 8.9, ORACLE_LINUX",
        "Amazon Linux, 2, AMAZON_LINUX_2",
        "Amazon Linux AMI, 2018.03, AMAZON_LINUX",
        "Amazon Linux, 2023, AMAZON_LINUX_2023"
    })
    void mapsPlatformNamesAndVersions(String platformName, String platformVersion, OperatingSystem expected) {
        assertThat(OperatingSystem.fromPlatform(platformName, platformVersion)).contains(expected);
    }

    @Test
    void knowsNothingOfUnsupportedPlatforms() {
        assertThat(OperatingSystem.fromPlatform("FreeBSD", "14.0")).isEmpty();
    }

    @Test
    void allowsApprovalDelaysEverywhereButUbuntuAndDebian() {
        assertThat(OperatingSystem.UBUNTU.supportsApprovalDelays()).isFalse();
        assertThat(OperatingSystem.DEBIAN.supportsApprovalDelays()).isFalse();
        assertThat(OperatingSystem.WINDOWS.supportsApprovalDelays()).isTrue();
        assertThat(OperatingSystem.AMAZON_LINUX_2.supportsApprovalDelays()).isTrue();
    }
}
