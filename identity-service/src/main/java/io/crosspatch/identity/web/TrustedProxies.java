package io.crosspatch.identity.web;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * The proxies (load balancers) whose {@code X-Forwarded-For} is believed, as CIDR blocks named explicitly in
 * configuration. Empty (the default), the client is the socket's peer and the header is ignored. Otherwise the
 * header is honoured only when the peer is one of them, and the client is the right-most address in it that is
 * not: everything to its left was written by the client itself. Nothing is trusted for being private: inside a
 * VPC the VMs themselves have private addresses, and trusting "any private address" would let one of them name
 * any client it likes.
 */
final class TrustedProxies {

    private final List<Block> blocks;

    private TrustedProxies(List<Block> blocks) {
        this.blocks = List.copyOf(blocks);
    }

    /** @throws IllegalArgumentException naming the entry that is not an address or CIDR block */
    public static TrustedProxies of(List<String> cidrs) {
        List<Block> blocks = new ArrayList<>();
        for (String cidr : cidrs) {
            if (!cidr.isBlank()) {
                blocks.add(Block.parse(cidr.strip()));
            }
        }
        return new TrustedProxies(blocks);
    }

    public boolean isEmpty() {
        return blocks.isEmpty();
    }

    /**
     * The client address of a request that came from {@code peer} with these {@code X-Forwarded-For} values (in
     * header order; each may be a comma-separated list).
     */
    public String clientOf(String peer, List<String> forwardedFor) {
        if (blocks.isEmpty() || !trusted(peer)) {
            return peer;
        }
        List<String> hops = new ArrayList<>();
        for (String header : forwardedFor) {
            for (String hop : header.split(",")) {
                if (!hop.isBlank()) {
                    hops.add(hop.strip());
                }
            }
        }
        String client = peer;
        for (int i = hops.size() - 1; i >= 0; i--) {
            var address = IpAddresses.parse(hops.get(i));
            if (address.isEmpty()) {
                // Not an address: a trusted proxy would not write that, so the hop before it is the best we know.
                return client;
            }
            client = address.get().getHostAddress();
            if (!trusted(address.get())) {
                return client;
            }
        }
        return client;
    }

    private boolean trusted(String address) {
        return IpAddresses.parse(address).map(this::trusted).orElse(false);
    }

    private boolean trusted(InetAddress address) {
        return blocks.stream().anyMatch(block -> block.contains(address));
    }

    private record Block(byte[] network, int prefix) {

        static Block parse(String cidr) {
            int slash = cidr.indexOf('/');
            InetAddress address = IpAddresses.parse(slash < 0 ? cidr : cidr.substring(0, slash))
                    .orElseThrow(() -> new IllegalArgumentException("not an IP address or CIDR block: " + cidr));
            int bits = address.getAddress().length * 8;
            int prefix;
            try {
                prefix = slash < 0 ? bits : Integer.parseInt(cidr.substring(slash + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not an IP address or CIDR block: " + cidr);
            }
            if (prefix < 0 || prefix > bits) {
                throw new IllegalArgumentException("prefix out of range: " + cidr);
            }
            return new Block(address.getAddress(), prefix);
        }

        boolean contains(InetAddress address) {
            byte[] candidate = address.getAddress();
            if (candidate.length != network.length) {
                return false;
            }
            for (int bit = 0; bit < prefix; bit++) {
                int mask = 0x80 >> (bit % 8);
                if ((candidate[bit / 8] & mask) != (network[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }
}
