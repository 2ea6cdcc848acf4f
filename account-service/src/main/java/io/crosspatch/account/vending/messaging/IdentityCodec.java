package io.crosspatch.account.vending.messaging;

import io.crosspatch.account.vending.application.PassedOnIdentity;
import io.crosspatch.events.VerifiedIdentity;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;

/**
 * Turns the contract's {@link VerifiedIdentity} into the {@link PassedOnIdentity} account vending keeps, and
 * back when {@code account.ready} is published: Avro binary of the record, the form {@code waiting_enrollments}
 * has always stored.
 */
final class IdentityCodec {

    private IdentityCodec() {}

    static PassedOnIdentity encode(VerifiedIdentity identity) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(bytes, null);
            new SpecificDatumWriter<>(VerifiedIdentity.class).write(identity, encoder);
            encoder.flush();
            return PassedOnIdentity.of(bytes.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode a verified identity", e);
        }
    }

    static VerifiedIdentity decode(PassedOnIdentity identity) {
        try {
            return new SpecificDatumReader<>(VerifiedIdentity.class)
                    .read(null, DecoderFactory.get().binaryDecoder(identity.encoded(), null));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot decode a stored verified identity", e);
        }
    }
}
