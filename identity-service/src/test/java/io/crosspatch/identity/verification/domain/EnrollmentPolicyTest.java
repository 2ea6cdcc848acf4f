package io.crosspatch.identity.verification.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The label, patch-group and OS rules applied once an identity is proven. */
class EnrollmentPolicyTest {

    private static final Set<String> ALLOWED = Set.of("early", "on-time", "late", "canary");

    @Test
    void usesTheAccountDefaultWhenNoPatchGroupIsAsked() {
        assertThat(EnrollmentPolicy.patchGroup(Map.of("crosspatch-patching", "true"), "on-time", ALLOWED))
                .isEqualTo("on-time");
    }

    @Test
    void usesTheRequestedPatchGroupWhenTheAccountAllowsIt() {
        assertThat(EnrollmentPolicy.patchGroup(Map.of("crosspatch-patchgroup", "canary"), "on-time", ALLOWED))
                .isEqualTo("canary");
    }

    @Test
    void shouldRejectAPatchGroupTheAccountDoesNotAllow() {
        assertThatThrownBy(() ->
                        EnrollmentPolicy.patchGroup(Map.of("crosspatch-patchgroup", "yolo\u0007"), "on-time", ALLOWED))
                .isInstanceOfSatisfying(IdentityRejectedException.class, e -> {
                    assertThat(e.reason()).isEqualTo(RejectionReason.PATCH_GROUP_NOT_ALLOWED);
                    assertThat(e.getMessage()).doesNotContain("\u0007");
                });
    }

    @ParameterizedTest
    @CsvSource({"false", "TRUE", "yes", "''"})
    void shouldRejectAnEnrollmentThatDoesNotAskForPatching(String value) {
        assertThatThrownBy(() -> EnrollmentPolicy.requirePatchingRequested(Map.of("crosspatch-patching", value)))
                .isInstanceOfSatisfying(
                        IdentityRejectedException.class,
                        e -> assertThat(e.reason()).isEqualTo(RejectionReason.PATCHING_NOT_REQUESTED));
    }

    @Test
    void shouldRejectAnEnrollmentWithoutThePatchingLabel() {
        assertThatThrownBy(() -> EnrollmentPolicy.requirePatchingRequested(Map.of()))
                .isInstanceOfSatisfying(
                        IdentityRejectedException.class,
                        e -> assertThat(e.reason()).isEqualTo(RejectionReason.PATCHING_NOT_REQUESTED));
    }

    @Test
    void keepsOnlyTheNonCrosspatchLabelsAsMetadata() {
        Map<String, String> labels =
                Map.of("crosspatch-patching", "true", "crosspatch-patchgroup", "early", "team", "payments");

        assertThat(EnrollmentPolicy.metadataLabels(labels)).containsExactly(Map.entry("team", "payments"));
    }

    @Test
    void signedLabelsWinOverReportedOnes() {
        assertThat(EnrollmentPolicy.effectiveLabels(Map.of("env", "prod", "team", "a"), Map.of("env", "dev")))
                .containsEntry("env", "dev")
                .containsEntry("team", "a");
    }

    @ParameterizedTest
    @CsvSource({
        "ubuntu, 22.04, UBUNTU",
        "debian, 12, DEBIAN",
        "centos, 7, CENTOS",
        "rhel, 9.3, REDHAT_ENTERPRISE_LINUX",
        "redhat, 8, REDHAT_ENTERPRISE_LINUX",
        "ol, 8.9, ORACLE_LINUX",
        "oracle, 9, ORACLE_LINUX",
        "amzn, 2, AMAZON_LINUX_2",
        "amzn, 2023, AMAZON_LINUX",
        "amazon linux 2, '', AMAZON_LINUX_2",
        "windows, 2022, WINDOWS",
        "Ubuntu, 24.04, UBUNTU"
    })
    void mapsReportedOsFamiliesToTheirSsmOperatingSystem(String family, String version, ManagedOs expected) {
        assertThat(EnrollmentPolicy.operatingSystem(family, version)).isEqualTo(expected);
    }

    @Test
    void shouldRejectAnOsWithoutABaseline() {
        assertThatThrownBy(() -> EnrollmentPolicy.operatingSystem("freebsd", "14"))
                .isInstanceOfSatisfying(
                        IdentityRejectedException.class,
                        e -> assertThat(e.reason()).isEqualTo(RejectionReason.OS_NOT_SUPPORTED));
    }
}
