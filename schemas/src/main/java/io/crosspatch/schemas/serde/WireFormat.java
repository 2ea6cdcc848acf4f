package io.crosspatch.schemas.serde;

import java.nio.ByteBuffer;

/**
 * The Confluent wire format: magic byte {@code 0}, the writer schema's registry id as a 4-byte big-endian
 * int, then the Avro binary body. Kept in one place so reader and writer cannot drift apart.
 */
public final class WireFormat {

    public static final byte MAGIC_BYTE = 0;
    public static final int HEADER_LENGTH = 5;

    private WireFormat() {}

    /** Writes the header for {@code schemaId} into a new buffer with room for {@code bodyLength} more bytes. */
    static ByteBuffer header(int schemaId, int bodyLength) {
        return ByteBuffer.allocate(HEADER_LENGTH + bodyLength).put(MAGIC_BYTE).putInt(schemaId);
    }

    /** Reads and checks the header, returning the schema id; the buffer is left at the start of the body. */
    public static int readSchemaId(ByteBuffer payload) {
        if (payload.remaining() < 1) {
            throw new TruncatedPayloadException("empty payload");
        }
        byte magic = payload.get();
        if (magic != MAGIC_BYTE) {
            throw new UnknownMagicByteException(magic);
        }
        if (payload.remaining() < Integer.BYTES) {
            throw new TruncatedPayloadException("payload ends inside the 5-byte header");
        }
        return payload.getInt();
    }
}
