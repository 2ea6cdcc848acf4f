package io.crosspatch.patching.activation.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.crosspatch.events.AccountReady;
import io.crosspatch.events.OperatingSystem;
import io.crosspatch.events.Provider;
import io.crosspatch.events.SystemAccount;
import io.crosspatch.kernel.CloudAccountKey;
import io.crosspatch.kernel.CloudProvider;
import io.crosspatch.patching.activation.domain.ActivationPolicy;
import io.crosspatch.patching.activation.domain.Enrollment;
import io.crosspatch.patching.support.Fixtures;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** {@code account.ready} mapped at the edge: the Avro provider becomes the kernel's, the key a {@link CloudAccountKey}. */
class AccountReadyMappingTest {

    @Test
    void mapsTheAvroProviderToTheKernelsAndKeysTheEnrollmentByItsCloudAccount() {
        // given an account.ready of an Azure VM
        SystemAccount system = SystemAccount.newBuilder()
                .setAccountId("123456789012")
                .setRoleArn("arn:aws:iam::123456789012:role/OrganizationAccountAccessRole")
                .setRegion(Fixtures.REGION)
                .setSsmServiceRoleName(Fixtures.SERVICE_ROLE)
                .setNewlyCreated(true)
                .build();
        AccountReady ready = Fixtures.accountReady(system, OperatingSystem.UBUNTU, "early");
        ready.getIdentity().setProvider(Provider.AZURE);

        // when the listener maps it
        Enrollment enrollment = AccountReadyListener.enrollment(ready);

        // then the enrollment names the kernel's provider, its key and its activation's provider tag are Azure's
        assertThat(enrollment.provider()).isEqualTo(CloudProvider.AZURE);
        assertThat(enrollment.cloudAccountKey())
                .isEqualTo(new CloudAccountKey(CloudProvider.AZURE, "acme-123456789012"));
        assertThat(enrollment.cloudAccountKey()).hasToString("azure:acme-123456789012");
        assertThat(new ActivationPolicy(1, Duration.ofHours(1)).tags(enrollment))
                .containsEntry(ActivationPolicy.PROVIDER_TAG, "azure");
        assertThat(enrollment.account().accountId()).isEqualTo("123456789012");
    }
}
