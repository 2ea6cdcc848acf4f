package io.crosspatch.patching.systemaccount.domain;

import java.util.Arrays;

/**
 * The last state published about a node, in the wire form it was published in: opaque bytes this feature stores and
 * hands back (the feature that publishes reads them). A value, not an array: it copies on the way in and out, so no
 * holder can change it, and two equal byte sequences are equal — which a {@code byte[]} in a record is not.
 */
public final class ResultBytes {

    private final byte[] bytes;

    private ResultBytes(byte[] bytes) {
        this.bytes = bytes;
    }

    public static ResultBytes of(byte[] bytes) {
        return new ResultBytes(bytes.clone());
    }

    /** A copy of the bytes. */
    public byte[] toByteArray() {
        return bytes.clone();
    }

    public int length() {
        return bytes.length;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ResultBytes that && Arrays.equals(bytes, that.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "ResultBytes[" + bytes.length + " bytes]";
    }
}
