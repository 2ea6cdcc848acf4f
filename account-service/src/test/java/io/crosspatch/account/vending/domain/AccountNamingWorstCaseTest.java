package io.crosspatch.account.vending.domain;

import static io.crosspatch.servicekit.testing.WorstCase.assertCheapAndLinear;
import static org.assertj.core.api.Assertions.assertThat;

import io.crosspatch.kernel.CloudAccountKey;
import io.crosspatch.kernel.CloudProvider;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Naming a system account from a cloud account id and tenant id fed their worst case: a long run of dashes that
 * does not end the text (trimming dashes from the end must not try every start of the run). Ids are bounded at
 * onboarding (128 characters); this checks 64 K anyway.
 */
class AccountNamingWorstCaseTest {

    private final AccountNaming naming = new AccountNaming(
            "aws+{tenant}-{provider}-{account}@example.com", "crosspatch {tenant} {provider} {account}");

    @Test
    void shouldNameAnAccountInLinearTimeWhateverItsIdHolds() {
        assertCheapAndLinear(
                n -> "a" + "-".repeat(n) + "b",
                64 * 1024,
                id -> naming.email(new CloudAccountKey(CloudProvider.VMWARE, id), "acme"),
                Duration.ofMillis(50));
        assertCheapAndLinear(
                n -> "a" + "-".repeat(n) + "b",
                64 * 1024,
                tenant -> naming.email(new CloudAccountKey(CloudProvider.VMWARE, "vc-1"), tenant),
                Duration.ofMillis(50));
    }

    @Test
    void shouldStillTrimDashesFromBothEnds() {
        assertThat(naming.email(new CloudAccountKey(CloudProvider.GCP, "acme-prod"), "--acme!!"))
                .isEqualTo("aws+acme-gcp-acme-prod@example.com");
    }
}
