package io.crosspatch.account.vending.application;

import java.util.Arrays;

/**
 * The verified identity of an enrollment exactly as the contract encodes it (Avro binary of
 * {@code VerifiedIdentity}). Account vending reads nothing from it: it keeps it with the waiting enrollment and
 * hands it on in {@code account.ready}, so every field the identity service verified — including fields the
 * contract gains later — reaches patching-service without a change here, and no contract type enters the
 * application layer. The messaging adapter is the only place that encodes and decodes it.
 */
public final class PassedOnIdentity {

    private final byte[] encoded;

    private PassedOnIdentity(byte[] encoded) {
        this.encoded = encoded;
    }

    public static PassedOnIdentity of(byte[] encoded) {
        if (encoded == null || encoded.length == 0) {
            throw new IllegalArgumentException("an identity has at least one byte");
        }
        return new PassedOnIdentity(encoded.clone());
    }

    /** A copy of the encoded identity. */
    public byte[] encoded() {
        return encoded.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PassedOnIdentity that && Arrays.equals(encoded, that.encoded);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(encoded);
    }

    @Override
    public String toString() {
        return "PassedOnIdentity[" + encoded.length + " bytes]";
    }
}
