package io.crosspatch.identity.web;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Optional;

/**
 * The rate-limit bucket a client address falls in: an IPv4 address is a bucket of its own, an IPv6 address
 * shares one with its whole /64. One IPv6 host (or customer) is routinely given a /64 and can send from any of its
 * 2^64 addresses, so a bucket per IPv6 address would be no limit at all.
 */
final class SourceKeys {

    private SourceKeys() {}

    public static String of(String clientAddress) {
        Optional<InetAddress> address = IpAddresses.parse(clientAddress);
        if (address.isEmpty() || !(address.get() instanceof Inet6Address)) {
            return address.map(InetAddress::getHostAddress).orElse(clientAddress);
        }
        byte[] bytes = address.get().getAddress();
        StringBuilder key = new StringBuilder();
        for (int i = 0; i < 8; i += 2) {
            key.append(Integer.toHexString(((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff)))
                    .append(':');
        }
        return key.append(":/64").toString();
    }
}
