package io.crosspatch.simulator.identity;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.UUID;

/**
 * Random identifiers in the shapes the clouds use. They come from a secure random source, not the simulator's
 * seed: instance ids must stay unique across simulator restarts, since identity-service enrolls an instance once.
 */
public final class Ids {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Ids() {}

    public static String hex(int digits) {
        byte[] bytes = new byte[(digits + 1) / 2];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes).substring(0, digits);
    }

    /**
     * A decimal number of exactly {@code digits} digits (at most 19), not starting with 0. For 19 digits the top of
     * the range is capped at {@link Long#MAX_VALUE}: {@code 10^19 - 1} does not fit in a long, and overflowing it once
     * produced a negative GCP instance id.
     */
    public static String digits(int digits) {
        if (digits < 1 || digits > 19) {
            throw new IllegalArgumentException("digits must be 1..19: " + digits);
        }
        long low = digits == 1 ? 1 : (long) Math.pow(10, digits - 1);
        long highExclusive = digits == 19 ? Long.MAX_VALUE : low * 10;
        return Long.toString(RANDOM.nextLong(low, highExclusive));
    }

    public static String uuid() {
        return UUID.randomUUID().toString();
    }

    public static byte[] bytes(int length) {
        byte[] bytes = new byte[length];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
