package io.crosspatch.identity.enrollment.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crosspatch.identity.enrollment.domain.IdentityMaterial;
import io.crosspatch.identity.enrollment.domain.InvalidEnrollmentException;
import io.crosspatch.kernel.CloudProvider;
import org.junit.jupiter.api.Test;

/** How the JSON identity of a request is read into the identity material of the provider it names. */
class EnrollmentBodyTest {

    @Test
    void readsEachProvidersFieldsIntoItsOwnIdentityMaterial() {
        assertThat(new EnrollmentBody.Identity("t", null, null, null, null).material(CloudProvider.GCP))
                .isEqualTo(new IdentityMaterial.GcpToken("t"));
        assertThat(new EnrollmentBody.Identity("t", null, null, null, null).material(CloudProvider.VMWARE))
                .isEqualTo(new IdentityMaterial.VmwareToken("t"));
        assertThat(new EnrollmentBody.Identity(null, "doc", "nonce", null, null).material(CloudProvider.AZURE))
                .isEqualTo(new IdentityMaterial.AzureDocument("doc", "nonce"));
        assertThat(new EnrollmentBody.Identity(null, null, null, "p7", "json").material(CloudProvider.AWS))
                .isEqualTo(new IdentityMaterial.AwsDocument("p7", "json"));
    }

    @Test
    void refusesAnIdentityThatCarriesAFieldOfAnotherProvidersIdentity() {
        assertInvalidIdentity(new EnrollmentBody.Identity("t", null, null, "p7", null), CloudProvider.GCP);
        assertInvalidIdentity(new EnrollmentBody.Identity("t", null, "nonce", null, null), CloudProvider.VMWARE);
        assertInvalidIdentity(new EnrollmentBody.Identity("t", "doc", "nonce", null, null), CloudProvider.AZURE);
        assertInvalidIdentity(new EnrollmentBody.Identity(null, null, "nonce", "p7", null), CloudProvider.AWS);
    }

    private static void assertInvalidIdentity(EnrollmentBody.Identity identity, CloudProvider provider) {
        assertThatThrownBy(() -> identity.material(provider))
                .isInstanceOfSatisfying(
                        InvalidEnrollmentException.class,
                        e -> assertThat(e.code()).isEqualTo("INVALID_IDENTITY"));
    }
}
