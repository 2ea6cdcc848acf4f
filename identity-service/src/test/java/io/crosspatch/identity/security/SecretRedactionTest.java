package io.crosspatch.identity.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.crosspatch.identity.enrollment.application.EnrollmentView;
import io.crosspatch.identity.enrollment.domain.ActivationGrant;
import io.crosspatch.identity.enrollment.domain.EnrollmentRequest;
import io.crosspatch.identity.enrollment.domain.HostFacts;
import io.crosspatch.identity.enrollment.domain.IdentityMaterial.AwsDocument;
import io.crosspatch.identity.enrollment.domain.IdentityMaterial.AzureDocument;
import io.crosspatch.identity.enrollment.domain.IdentityMaterial.GcpToken;
import io.crosspatch.identity.enrollment.domain.IdentityMaterial.VmwareToken;
import io.crosspatch.identity.enrollment.domain.SecretHash;
import io.crosspatch.identity.enrollment.domain.Submission;
import io.crosspatch.identity.enrollment.web.EnrollmentBody;
import io.crosspatch.identity.enrollment.web.StatusView;
import io.crosspatch.kernel.CloudProvider;
import io.crosspatch.servicekit.activationcode.ActivationEncryptionProperties;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Records that hold a secret (an activation code, an enrollment secret, a VM's replayable signed identity, an
 * encryption key) never print it: a record's default {@code toString()} would put it in any log line or exception
 * message that mentions the record.
 */
class SecretRedactionTest {

    private static final String SECRET = "S3CR3T-value-that-must-not-print";

    @Test
    void shouldLeaveActivationCodesAndEnrollmentSecretsOutOfToString() {
        List<Object> holders = List.of(
                new ActivationGrant("act-1", "eu-west-1", SECRET, "k1"),
                new EnrollmentView.DeliveredActivation("act-1", SECRET, "eu-west-1"),
                new StatusView.Activation("act-1", SECRET, "eu-west-1"),
                SecretHash.of(SECRET),
                new SecretHash(SECRET),
                new EnrollmentBody(
                        "gcp", new EnrollmentBody.Identity(SECRET, null, null, null, null), null, Map.of(), SECRET),
                new Submission(
                        new EnrollmentRequest(
                                CloudProvider.GCP,
                                new GcpToken(SECRET),
                                new HostFacts("web-1", "ubuntu", "22.04"),
                                Map.of()),
                        SECRET));

        assertThat(holders).allSatisfy(holder -> assertThat(holder.toString()).doesNotContain(SECRET));
    }

    @Test
    void shouldLeaveSignedIdentitiesOutOfToString() {
        List<Object> holders = List.of(
                new EnrollmentBody.Identity(SECRET, SECRET, "nonce-1", SECRET, SECRET),
                new GcpToken(SECRET),
                new VmwareToken(SECRET),
                new AzureDocument(SECRET, "nonce-1"),
                new AwsDocument(SECRET, SECRET));

        assertThat(holders).allSatisfy(holder -> assertThat(holder.toString()).doesNotContain(SECRET));
    }

    @Test
    void shouldNameActivationEncryptionKeysButNeverPrintThem() {
        ActivationEncryptionProperties properties = new ActivationEncryptionProperties(Map.of("k2026a", SECRET), null);

        assertThat(properties.toString()).contains("k2026a").doesNotContain(SECRET);
    }
}
