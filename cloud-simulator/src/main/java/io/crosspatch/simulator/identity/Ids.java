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

    private Ids() {
    }

    public static String hex(int digits) {
        byte[] bytes = new byte[(digits + 1) / 2];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes).substring(0, digits);
    }

    /** A decimal number of exactly {@code digits} digits (at most 19), not starting with 0. */
    public static String digits(int digits) {
        long low = (long) Math.pow(10, digits - 1);
        return Long.toString(low + Math.floorMod(RANDOM.nextLong(), low * 9));
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
