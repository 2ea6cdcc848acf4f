package io.crosspatch.simulator.ssm.inventory;

import io.crosspatch.simulator.ssm.ManagedNode;
import io.crosspatch.simulator.ssm.OperatingSystem;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The software a node has, deterministic from the simulator's seed and the node (like the patch catalogue): a
 * per-OS-family base of packages, of which each node has a stable subset at stable versions, plus the kernel
 * package. Entries carry the attributes of SSM's {@code AWS:Application} type.
 */
final class SoftwareCatalogue {

    private static final List<String> DEB_PACKAGES = List.of(
            "adduser",
            "apt",
            "base-files",
            "bash",
            "bsdutils",
            "ca-certificates",
            "coreutils",
            "cron",
            "curl",
            "dash",
            "dbus",
            "debconf",
            "dpkg",
            "e2fsprogs",
            "findutils",
            "gcc-12-base",
            "gnupg",
            "grep",
            "gzip",
            "hostname",
            "iproute2",
            "iptables",
            "less",
            "libc6",
            "libssl3",
            "libsystemd0",
            "locales",
            "login",
            "logrotate",
            "lsb-release",
            "nano",
            "netbase",
            "openssh-client",
            "openssh-server",
            "openssl",
            "passwd",
            "perl-base",
            "procps",
            "python3",
            "rsyslog",
            "sed",
            "sudo",
            "systemd",
            "tar",
            "tzdata",
            "util-linux",
            "vim-tiny",
            "wget",
            "zlib1g");
    private static final List<String> RPM_PACKAGES = List.of(
            "audit",
            "bash",
            "bind-utils",
            "ca-certificates",
            "chrony",
            "coreutils",
            "cronie",
            "curl",
            "dbus",
            "dnf",
            "e2fsprogs",
            "findutils",
            "firewalld",
            "glibc",
            "gnupg2",
            "grep",
            "gzip",
            "hostname",
            "iproute",
            "iptables",
            "less",
            "libcurl",
            "logrotate",
            "lvm2",
            "nano",
            "net-tools",
            "openssh-clients",
            "openssh-server",
            "openssl",
            "openssl-libs",
            "passwd",
            "perl",
            "policycoreutils",
            "procps-ng",
            "python3",
            "rpm",
            "rsyslog",
            "sed",
            "sudo",
            "systemd",
            "tar",
            "tzdata",
            "util-linux",
            "vim-minimal",
            "wget",
            "xfsprogs",
            "yum-utils",
            "zlib");
    private static final List<String> WINDOWS_APPLICATIONS = List.of(
            "7-Zip 23.01 (x64)",
            "Amazon SSM Agent",
            "AWS Tools for Windows",
            "Google Chrome",
            "Git",
            "Microsoft .NET Runtime - 6.0",
            "Microsoft .NET Runtime - 8.0",
            "Microsoft Edge",
            "Microsoft Visual C++ 2015-2022 Redistributable (x64)",
            "Microsoft Visual C++ 2015-2022 Redistributable (x86)",
            "Microsoft Windows Desktop Runtime - 8.0",
            "Mozilla Firefox",
            "Notepad++ (64-bit x64)",
            "OpenSSL 3",
            "PowerShell 7-x64",
            "Python 3.12.1 (64-bit)",
            "Windows Admin Center",
            "Windows Defender",
            "Windows Management Framework",
            "WinRAR",
            "Wireshark",
            "Zabbix Agent 2");

    private final long seed;

    SoftwareCatalogue(long seed) {
        this.seed = seed;
    }

    /** The node's applications as AWS:Application entries, before any installed by hand. */
    List<Map<String, String>> applications(ManagedNode node, Instant installedAt) {
        Family family = Family.of(node.operatingSystem());
        List<String> base = switch (family) {
            case WINDOWS -> WINDOWS_APPLICATIONS;
            case DEB -> DEB_PACKAGES;
            case RPM -> RPM_PACKAGES;
        };
        int salt = Math.floorMod(Long.hashCode(seed) * 31 + node.instanceId().hashCode(), 1_000_003);
        List<Map<String, String>> entries = new ArrayList<>();
        for (int i = 0; i < base.size(); i++) {
            // about four in five packages of the base, a stable choice per node; the first two of each base always
            if ((salt + i * 7) % 5 == 0 && i > 1) {
                continue;
            }
            entries.add(entry(family, base.get(i), version(family, salt, i), installedAt));
        }
        entries.add(kernel(family, node, salt, installedAt));
        return entries;
    }

    /** An application installed by hand, as the next gather will find it. */
    static Map<String, String> installed(
            OperatingSystem os, String name, String version, String publisher, Instant installedAt) {
        Map<String, String> entry = entry(Family.of(os), name, version, installedAt);
        entry.put("Publisher", publisher);
        return entry;
    }

    private static Map<String, String> kernel(Family family, ManagedNode node, int salt, Instant installedAt) {
        return switch (family) {
            case WINDOWS ->
                entry(
                        family,
                        "Microsoft Windows Server Kernel",
                        node.platformVersion() == null ? "10.0.20348" : node.platformVersion(),
                        installedAt);
            case DEB -> entry(family, "linux-image-generic", "6.8.0-" + (40 + salt % 20) + ".1", installedAt);
            case RPM -> entry(family, "kernel", "5.14.0-" + (360 + salt % 70) + ".el9", installedAt);
        };
    }

    private static String version(Family family, int salt, int i) {
        int minor = (salt / (i + 1)) % 20;
        int patch = (salt + i * 13) % 10;
        return switch (family) {
            case WINDOWS -> String.format(Locale.ROOT, "%d.%d.%d", 1 + i % 9, minor, patch * 100 + i);
            case DEB -> String.format(Locale.ROOT, "%d.%d-%dubuntu%d", 1 + i % 4, minor, patch, 1 + i % 3);
            case RPM -> String.format(Locale.ROOT, "%d.%d.%d-%d.el9", 1 + i % 4, minor, patch, 1 + i % 5);
        };
    }

    private static Map<String, String> entry(Family family, String name, String version, Instant installedAt) {
        Map<String, String> entry = new LinkedHashMap<>();
        entry.put("Name", name);
        entry.put("Version", version);
        entry.put("Publisher", family.publisher());
        entry.put("ApplicationType", family.applicationType());
        entry.put("Architecture", family == Family.DEB ? "amd64" : "x86_64");
        entry.put(
                "InstalledTime",
                installedAt.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString());
        return entry;
    }

    /** How an OS family packages software. */
    enum Family {
        WINDOWS,
        DEB,
        RPM;

        static Family of(OperatingSystem os) {
            return switch (os) {
                case WINDOWS -> WINDOWS;
                case UBUNTU, DEBIAN, RASPBIAN -> DEB;
                default -> RPM;
            };
        }

        String publisher() {
            return switch (this) {
                case WINDOWS -> "Microsoft Corporation";
                case DEB -> "Ubuntu Developers <ubuntu-devel-discuss@lists.ubuntu.com>";
                case RPM -> "Red Hat, Inc.";
            };
        }

        String applicationType() {
            return switch (this) {
                case WINDOWS -> "";
                case DEB -> "admin";
                case RPM -> "System Environment/Base";
            };
        }
    }
}
