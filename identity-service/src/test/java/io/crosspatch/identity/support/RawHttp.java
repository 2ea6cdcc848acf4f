package io.crosspatch.identity.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * HTTP/1.0 written by hand on a socket, for what {@link java.net.http.HttpClient} will not send: a forged
 * {@code Host} header, or a connection from another loopback address ({@code 127.0.0.2}), which the service sees as
 * a peer that is not a trusted proxy.
 */
public final class RawHttp {

    private RawHttp() {}

    /**
     * Sends {@code request} (the request line and headers, each ending in CRLF, without the blank line) from
     * {@code from} to the service and returns the answer.
     */
    public static Response send(String from, int port, String request) {
        try (Socket socket = new Socket()) {
            socket.setSoTimeout(30_000);
            socket.bind(new InetSocketAddress(InetAddress.getByName(from), 0));
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 10_000);
            socket.getOutputStream().write((request + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int status = Integer.parseInt(answer.substring(answer.indexOf(' ') + 1, answer.indexOf(' ') + 4));
            int bodyStart = answer.indexOf("\r\n\r\n");
            return new Response(status, bodyStart < 0 ? "" : answer.substring(bodyStart + 4));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public record Response(int status, String body) {}
}
