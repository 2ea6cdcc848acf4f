package io.crosspatch.identity.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class TrustedProxiesTest {

    private final TrustedProxies loadBalancers = TrustedProxies.of(List.of("10.0.0.0/24", "2001:db8:ffff::/48"));

    @Test
    void shouldIgnoreForwardedForWhenNoProxyIsTrusted() {
        assertThat(TrustedProxies.of(List.of()).clientOf("10.0.0.7", List.of("203.0.113.9")))
                .isEqualTo("10.0.0.7");
    }

    @Test
    void shouldIgnoreForwardedForFromAPeerThatIsNoTrustedProxy() {
        assertThat(loadBalancers.clientOf("10.0.1.7", List.of("203.0.113.9"))).isEqualTo("10.0.1.7");
        assertThat(loadBalancers.clientOf("192.168.0.1", List.of("203.0.113.9")))
                .isEqualTo("192.168.0.1");
    }

    @Test
    void shouldTakeTheRightMostAddressThatIsNoTrustedProxy() {
        assertThat(loadBalancers.clientOf("10.0.0.7", List.of("198.51.100.1, 10.0.5.5, 10.0.0.8")))
                .isEqualTo("10.0.5.5");
        assertThat(loadBalancers.clientOf("10.0.0.7", List.of("198.51.100.1", "203.0.113.9")))
                .isEqualTo("203.0.113.9");
    }

    @Test
    void shouldStopAtWhatIsNotAnAddressRatherThanLookItUp() {
        assertThat(loadBalancers.clientOf("10.0.0.7", List.of("203.0.113.9, evil.example, 10.0.0.8")))
                .isEqualTo("10.0.0.8");
        assertThat(loadBalancers.clientOf("10.0.0.7", List.of("999.1.1.1"))).isEqualTo("10.0.0.7");
    }

    @Test
    void shouldMatchIpv6Blocks() {
        assertThat(loadBalancers.clientOf("2001:db8:ffff:1::2", List.of("2001:db8:1:2::5")))
                .isEqualTo("2001:db8:1:2:0:0:0:5");
        assertThat(loadBalancers.clientOf("2001:db8:fffe::2", List.of("2001:db8:1:2::5")))
                .isEqualTo("2001:db8:fffe::2");
    }

    @Test
    void shouldRefuseAConfigurationEntryThatIsNoAddressOrBlock() {
        assertThatThrownBy(() -> TrustedProxies.of(List.of("10.0.0.0/33")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TrustedProxies.of(List.of("private"))).isInstanceOf(IllegalArgumentException.class);
    }
}
