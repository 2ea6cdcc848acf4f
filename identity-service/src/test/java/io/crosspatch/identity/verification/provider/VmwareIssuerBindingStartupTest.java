package io.crosspatch.identity.verification.provider;

import static org.assertj.core.api.Assertions.assertThat;

import io.crosspatch.identity.verification.application.ProviderVerifier;
import io.crosspatch.servicekit.time.ClockAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * A VMware issuer must name the vCenter/org ids it vouches for: without them a tenant's vCenter could mint tokens for
 * any other tenant's org, so the verifier refuses to start rather than trust it for everything.
 */
class VmwareIssuerBindingStartupTest {

    private final ApplicationContextRunner verifier = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ClockAutoConfiguration.class))
            .withUserConfiguration(TrustConfiguration.class)
            .withPropertyValues(
                    "crosspatch.identity.vmware.issuers[0].issuer=https://vcenter.acme.example",
                    "crosspatch.identity.vmware.issuers[0].jwks-uri=https://vcenter.acme.example/jwks",
                    "crosspatch.identity.vmware.issuers[0].audience=crosspatch");

    @Test
    void shouldRefuseToStartWithAnIssuerThatNamesNoOrg() {
        verifier.run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure())
                    .rootCause()
                    .hasMessageContaining("crosspatch.identity.vmware.issuers[0]")
                    .hasMessageContaining("org-ids");
        });
    }

    @Test
    void startsWithAnIssuerBoundToItsOrgs() {
        verifier.withPropertyValues("crosspatch.identity.vmware.issuers[0].org-ids=vc-acme-01,vc-acme-02")
                .run(context -> assertThat(context)
                        .hasNotFailed()
                        .getBeans(ProviderVerifier.class)
                        .hasSize(4));
    }

    @Test
    void stillAcceptsTheSingleOrgIdOfEarlierConfigurations() {
        verifier.withPropertyValues("crosspatch.identity.vmware.issuers[0].org-id=vc-acme-01")
                .run(context -> assertThat(context).hasNotFailed());
    }
}
