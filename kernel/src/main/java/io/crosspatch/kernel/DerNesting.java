package io.crosspatch.kernel;

/**
 * How deeply the constructed values of a BER/DER encoding (a PKCS#7, a certificate) nest, found by walking the
 * tag-length headers iteratively before a parser sees the bytes. BouncyCastle parses each nested value by recursion:
 * 24 KB of {@code 30 80} (a SEQUENCE of indefinite length, 6,000 deep) overflows a request thread's stack — a
 * {@code StackOverflowError} no handler expects. A real PKCS#7 with its certificates nests about a dozen levels.
 * Primitive values (the signed content, a key, an extension's octets) are skipped, not looked into. Only depth is
 * judged here: where the headers stop making sense (truncated, a length past the end) the walk stops and leaves the
 * verdict to the parser, which refuses such input without recursing into it.
 */
public final class DerNesting {

    private static final int INDEFINITE = -1;

    private DerNesting() {}

    /** Whether the constructed values of {@code der}, as far as its headers can be read, nest at most {@code max} deep. */
    public static boolean atMost(byte[] der, int max) {
        int[] ends = new int[max];
        int depth = 0;
        int i = 0;
        while (i < der.length) {
            if (depth > 0 && ends[depth - 1] == INDEFINITE && i + 1 < der.length && der[i] == 0 && der[i + 1] == 0) {
                depth--;
                i += 2;
            } else {
                int tag = der[i++] & 0xff;
                if ((tag & 0x1f) == 0x1f) {
                    while (i < der.length && (der[i] & 0x80) != 0) {
                        i++;
                    }
                    i++;
                }
                if (i >= der.length) {
                    return true;
                }
                int length = length(der, i);
                i += headerBytes(der[i]);
                if (length == Integer.MIN_VALUE || (length != INDEFINITE && (length > der.length - i))) {
                    return true;
                }
                if ((tag & 0x20) != 0) {
                    if (depth == max) {
                        return false;
                    }
                    ends[depth++] = length == INDEFINITE ? INDEFINITE : i + length;
                } else if (length == INDEFINITE) {
                    return true;
                } else {
                    i += length;
                }
            }
            while (depth > 0 && ends[depth - 1] != INDEFINITE && ends[depth - 1] <= i) {
                depth--;
            }
        }
        return true;
    }

    /** The length at {@code der[at]}: short or long form, {@link #INDEFINITE}, or MIN_VALUE when unreadable. */
    private static int length(byte[] der, int at) {
        int first = der[at] & 0xff;
        if (first < 0x80) {
            return first;
        }
        if (first == 0x80) {
            return INDEFINITE;
        }
        int bytes = first & 0x7f;
        if (bytes > 3 || at + bytes >= der.length) {
            return Integer.MIN_VALUE;
        }
        int length = 0;
        for (int k = 1; k <= bytes; k++) {
            length = (length << 8) | (der[at + k] & 0xff);
        }
        return length;
    }

    private static int headerBytes(byte first) {
        int value = first & 0xff;
        return value <= 0x80 ? 1 : 1 + (value & 0x7f);
    }
}
