package io.crosspatch.identity.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SourceKeysTest {

    @Test
    void shouldGiveEveryIpv4AddressItsOwnBucket() {
        assertThat(SourceKeys.of("203.0.113.9")).isEqualTo("203.0.113.9").isNotEqualTo(SourceKeys.of("203.0.113.10"));
    }

    @Test
    void shouldGiveAllAddressesOfAnIpv6Slash64OneBucket() {
        assertThat(SourceKeys.of("2001:db8:1:2::1"))
                .isEqualTo("2001:db8:1:2::/64")
                .isEqualTo(SourceKeys.of("2001:db8:1:2:ffff:ffff:ffff:ffff"))
                .isEqualTo(SourceKeys.of("2001:0db8:0001:0002:abcd::9"));
    }

    @Test
    void shouldGiveNeighbouringSlash64sBucketsOfTheirOwn() {
        assertThat(SourceKeys.of("2001:db8:1:2::1")).isNotEqualTo(SourceKeys.of("2001:db8:1:3::1"));
    }

    @Test
    void shouldBucketAnIpv4MappedIpv6AddressAsItsIpv4Address() {
        assertThat(SourceKeys.of("::ffff:203.0.113.9")).isEqualTo("203.0.113.9");
    }
}
