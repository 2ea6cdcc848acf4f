package io.crosspatch.identity.enrollment.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crosspatch.kernel.CloudProvider;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnrollmentRequestRulesTest {

    private static final String JWT = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxIn0.c2ln";
    private static final String SECRET = "A".repeat(42) + "Q";
    private static final HostFacts HOST = new HostFacts("web-1.example.internal", "ubuntu", "22.04");

    @Test
    void shouldAcceptAWellFormedGcpRequest() {
        Submission submission = EnrollmentRequestRules.check(
                "gcp", new IdentityMaterial.GcpToken(JWT), HOST, Map.of("crosspatch-patchgroup", "early"), SECRET);

        assertThat(submission.request().provider()).isEqualTo(CloudProvider.GCP);
        assertThat(submission.toString()).doesNotContain(SECRET);
    }

    @Test
    void shouldAcceptAnUnsignedTokenShapeAndLeaveItsRejectionToTheVerifier() {
        assertThat(EnrollmentRequestRules.check(
                                "vmware",
                                new IdentityMaterial.VmwareToken("eyJhbGciOiJub25lIn0.eyJzdWIiOiIxIn0."),
                                HOST,
                                null,
                                SECRET)
                        .request()
                        .provider())
                .isEqualTo(CloudProvider.VMWARE);
    }

    @Test
    void shouldRejectEachClassOfProblemWithItsOwnCode() {
        assertCode(
                () -> EnrollmentRequestRules.check("ibm", new IdentityMaterial.GcpToken(JWT), HOST, null, SECRET),
                "UNKNOWN_PROVIDER");
        assertCode(
                () -> EnrollmentRequestRules.check(
                        "gcp", new IdentityMaterial.AwsDocument("AAAA", null), HOST, null, SECRET),
                "INVALID_IDENTITY");
        assertCode(
                () -> EnrollmentRequestRules.check(
                        "azure", new IdentityMaterial.AzureDocument("AAAA", "short"), HOST, null, SECRET),
                "INVALID_NONCE");
        assertCode(
                () -> EnrollmentRequestRules.check(
                        "gcp",
                        new IdentityMaterial.GcpToken(JWT),
                        new HostFacts("web\u00001", "ubuntu", null),
                        null,
                        SECRET),
                "INVALID_HOSTNAME");
        assertCode(
                () -> EnrollmentRequestRules.check(
                        "gcp",
                        new IdentityMaterial.GcpToken(JWT),
                        new HostFacts("web-1", "ubuntu\n", null),
                        null,
                        SECRET),
                "INVALID_OS");
        assertCode(
                () -> EnrollmentRequestRules.check("gcp", new IdentityMaterial.GcpToken(JWT), HOST, null, SECRET + "A"),
                "INVALID_SECRET");
        assertCode(
                () -> EnrollmentRequestRules.check("gcp", new IdentityMaterial.GcpToken(JWT), HOST, null, null),
                "MISSING_FIELD");
    }

    @Test
    void shouldBoundTheLabels() {
        Map<String, String> many = new HashMap<>();
        for (int i = 0; i <= EnrollmentRequestRules.MAX_LABELS; i++) {
            many.put("k" + i, "v");
        }
        assertCode(
                () -> EnrollmentRequestRules.check("gcp", new IdentityMaterial.GcpToken(JWT), HOST, many, SECRET),
                "INVALID_LABELS");
        assertCode(
                () -> EnrollmentRequestRules.check(
                        "gcp",
                        new IdentityMaterial.GcpToken(JWT),
                        HOST,
                        Map.of("k", "v".repeat(EnrollmentRequestRules.MAX_LABEL_VALUE_CHARS + 1)),
                        SECRET),
                "INVALID_LABELS");
        assertCode(
                () -> EnrollmentRequestRules.check(
                        "gcp", new IdentityMaterial.GcpToken(JWT), HOST, Map.of("bad key", "v"), SECRET),
                "INVALID_LABELS");
    }

    @Test
    void shouldAcceptBase64WithLineBreaksAsAwsSendsIt() {
        assertThat(EnrollmentRequestRules.check(
                                "aws",
                                new IdentityMaterial.AwsDocument("MIAGCSqGSIb3\nDQEHAqCAMIAC\n", null),
                                HOST,
                                null,
                                SECRET)
                        .request()
                        .provider())
                .isEqualTo(CloudProvider.AWS);
    }

    private static void assertCode(Runnable check, String code) {
        assertThatThrownBy(check::run)
                .isInstanceOf(InvalidEnrollmentException.class)
                .satisfies(
                        e -> assertThat(((InvalidEnrollmentException) e).code()).isEqualTo(code));
    }
}
