package io.crosspatch.testbed;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * Cassandra's readiness check: a CQL native-protocol v4 {@code STARTUP} over a plain socket, answered by
 * {@code READY}. An open port alone is not enough (the listener may be up before requests are served), and the
 * DataStax driver is deliberately not on the testbed's classpath.
 */
final class CqlHandshake {

    private static final byte PROTOCOL_V4_REQUEST = 0x04;
    private static final byte RESPONSE_FLAG = (byte) 0x80;
    private static final byte OPCODE_STARTUP = 0x01;
    private static final byte OPCODE_READY = 0x02;
    private static final byte OPCODE_AUTHENTICATE = 0x03;
    private static final int HEADER_LENGTH = 9;

    private CqlHandshake() {}

    /** Whether the server at {@code host:port} accepts a CQL session (or asks for credentials, which is as good). */
    static boolean accepted(String host, int port, int timeoutMillis) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), timeoutMillis);
            socket.setSoTimeout(timeoutMillis);
            DataOutputStream out = new DataOutputStream(socket.getOutputStream());
            out.write(startupFrame());
            out.flush();
            DataInputStream in = new DataInputStream(socket.getInputStream());
            byte[] header = new byte[HEADER_LENGTH];
            in.readFully(header);
            byte opcode = header[4];
            boolean isResponse = (header[0] & RESPONSE_FLAG) != 0;
            return isResponse && (opcode == OPCODE_READY || opcode == OPCODE_AUTHENTICATE);
        }
    }

    private static byte[] startupFrame() throws IOException {
        byte[] body = startupBody();
        ByteArrayOutputStream frame = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(frame);
        out.writeByte(PROTOCOL_V4_REQUEST);
        out.writeByte(0);
        out.writeShort(1);
        out.writeByte(OPCODE_STARTUP);
        out.writeInt(body.length);
        out.write(body);
        return frame.toByteArray();
    }

    private static byte[] startupBody() throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(body);
        out.writeShort(1);
        writeString(out, "CQL_VERSION");
        writeString(out, "3.0.0");
        return body.toByteArray();
    }

    private static void writeString(DataOutputStream out, String value) throws IOException {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        out.writeShort(bytes.length);
        out.write(bytes);
    }
}
