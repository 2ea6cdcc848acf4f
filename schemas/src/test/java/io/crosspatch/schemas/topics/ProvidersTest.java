package io.crosspatch.schemas.topics;

import static org.assertj.core.api.Assertions.assertThat;

import io.crosspatch.events.Provider;
import io.crosspatch.kernel.CloudAccountKey;
import io.crosspatch.kernel.CloudProvider;
import org.junit.jupiter.api.Test;

class ProvidersTest {

    @Test
    void everyWireProviderMapsToTheDomainProviderAndBack() {
        assertThat(Provider.values()).hasSameSizeAs(CloudProvider.values());
        for (Provider provider : Provider.values()) {
            assertThat(Providers.toAvro(Providers.fromAvro(provider))).isEqualTo(provider);
        }
    }

    @Test
    void buildsTheKeyEventsAreKeyedBy() {
        assertThat(Providers.accountKey(Provider.VMWARE, "vc-1"))
                .isEqualTo(new CloudAccountKey(CloudProvider.VMWARE, "vc-1"))
                .hasToString("vmware:vc-1");
    }
}
