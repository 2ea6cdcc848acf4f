package io.crosspatch.patching.desiredstate.domain;

import java.util.Arrays;
import java.util.Optional;

/**
 * The operating systems Crosspatch patches, each with the short name its baselines carry and whether SSM lets its
 * baselines delay approval by release age. Per the SSM API reference, ApproveAfterDays and ApproveUntilDate are
 * not supported for Ubuntu Server and Debian Server: their repositories carry no release dates, so those two get
 * their patch group's delay from the group's maintenance-window timing instead.
 */
public enum ManagedOs {
    WINDOWS("windows"),
    UBUNTU("ubuntu"),
    DEBIAN("debian"),
    CENTOS("centos"),
    REDHAT_ENTERPRISE_LINUX("rhel"),
    ORACLE_LINUX("oracle-linux"),
    AMAZON_LINUX("amazon-linux"),
    AMAZON_LINUX_2("amazon-linux-2");

    private final String slug;

    ManagedOs(String slug) {
        this.slug = slug;
    }

    /** The short name in baseline names, e.g. {@code crosspatch-rhel-early}. */
    public String slug() {
        return slug;
    }

    /** SSM's OperatingSystem value (the same spelling as the event contract's). */
    public String ssmName() {
        return name();
    }

    public boolean supportsApprovalDelays() {
        return this != UBUNTU && this != DEBIAN;
    }

    /** The OS of an event's {@code OperatingSystem} value; empty for OTHER and anything unknown. */
    public static Optional<ManagedOs> of(String name) {
        return Arrays.stream(values()).filter(os -> os.name().equals(name)).findFirst();
    }
}
