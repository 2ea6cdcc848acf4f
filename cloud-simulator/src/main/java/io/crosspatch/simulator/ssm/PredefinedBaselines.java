package io.crosspatch.simulator.ssm;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * AWS's predefined default patch baselines, one per operating system, with the approval rules the user guide
 * describes (security and critical updates after 7 days; Ubuntu and Debian by priority, at once). Their ids are ARNs
 * in an AWS-owned account, the same in every account of a region.
 */
final class PredefinedBaselines {

    /** The (simulated) AWS account that owns predefined baselines. */
    static final String OWNER_ACCOUNT = "000000000000";

    private static final Instant CREATED = Instant.parse("2018-01-01T00:00:00Z");
    private static final List<String> ALL = List.of("*");

    private PredefinedBaselines() {}

    static List<PatchBaseline> forRegion(String region) {
        return Arrays.stream(OperatingSystem.values())
                .map(os -> baseline(region, os))
                .toList();
    }

    private static PatchBaseline baseline(String region, OperatingSystem os) {
        String name = switch (os) {
            case WINDOWS -> "AWS-DefaultPatchBaseline";
            case AMAZON_LINUX -> "AWS-AmazonLinuxDefaultPatchBaseline";
            case AMAZON_LINUX_2 -> "AWS-AmazonLinux2DefaultPatchBaseline";
            case AMAZON_LINUX_2022 -> "AWS-AmazonLinux2022DefaultPatchBaseline";
            case AMAZON_LINUX_2023 -> "AWS-AmazonLinux2023DefaultPatchBaseline";
            case UBUNTU -> "AWS-UbuntuDefaultPatchBaseline";
            case DEBIAN -> "AWS-DebianDefaultPatchBaseline";
            case RASPBIAN -> "AWS-RaspbianDefaultPatchBaseline";
            case CENTOS -> "AWS-CentOSDefaultPatchBaseline";
            case REDHAT_ENTERPRISE_LINUX -> "AWS-RedHatDefaultPatchBaseline";
            case ORACLE_LINUX -> "AWS-OracleLinuxDefaultPatchBaseline";
            case SUSE -> "AWS-SuseDefaultPatchBaseline";
            case MACOS -> "AWS-MacOSDefaultPatchBaseline";
            case ROCKY_LINUX -> "AWS-RockyLinuxDefaultPatchBaseline";
            case ALMA_LINUX -> "AWS-AlmaLinuxDefaultPatchBaseline";
        };
        String id = "arn:aws:ssm:" + region + ":" + OWNER_ACCOUNT + ":patchbaseline/pb-" + hex17(region + name);
        return new PatchBaseline(
                id,
                name,
                os,
                "Default Patch Baseline for " + os.name() + " Provided by AWS.",
                List.of(),
                rules(os),
                List.of(),
                "UNSPECIFIED",
                false,
                List.of(),
                "ALLOW_AS_DEPENDENCY",
                List.of(),
                null,
                CREATED,
                CREATED,
                true,
                Map.of());
    }

    private static List<PatchRule> rules(OperatingSystem os) {
        return switch (os) {
            case WINDOWS ->
                List.of(new PatchRule(
                        List.of(
                                new PatchFilter("PRODUCT", ALL),
                                new PatchFilter("CLASSIFICATION", List.of("CriticalUpdates", "SecurityUpdates")),
                                new PatchFilter("MSRC_SEVERITY", List.of("Critical", "Important"))),
                        "UNSPECIFIED",
                        7,
                        null,
                        false));
            case UBUNTU, DEBIAN, RASPBIAN ->
                List.of(new PatchRule(
                        List.of(
                                new PatchFilter("PRODUCT", ALL),
                                new PatchFilter("PRIORITY", List.of("Required", "Important"))),
                        "UNSPECIFIED",
                        null,
                        null,
                        false));
            default ->
                List.of(
                        new PatchRule(
                                List.of(
                                        new PatchFilter("PRODUCT", ALL),
                                        new PatchFilter("CLASSIFICATION", List.of("Security")),
                                        new PatchFilter("SEVERITY", List.of("Critical", "Important"))),
                                "UNSPECIFIED",
                                7,
                                null,
                                false),
                        new PatchRule(
                                List.of(
                                        new PatchFilter("PRODUCT", ALL),
                                        new PatchFilter("CLASSIFICATION", List.of("Bugfix"))),
                                "UNSPECIFIED",
                                7,
                                null,
                                false));
        };
    }

    private static String hex17(String seed) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(seed.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, 17);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
