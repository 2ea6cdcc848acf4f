package io.crosspatch.identity.verification.support;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A JWKS endpoint on a loopback port of its own that relays the simulator's key set: it counts how often the
 * verifier fetches it, and it can be stopped (connections refused) and started again on the same port, which is
 * what an issuer's JWKS going down and coming back looks like to the verifier. Keys {@link #publishAlso published}
 * here are added to the simulator's, which is what an issuer rotating in a new key looks like.
 */
public final class JwksRelay implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final String upstream;
    private final AtomicInteger fetches = new AtomicInteger();
    private final List<JWK> extraKeys = new CopyOnWriteArrayList<>();
    private final int port;
    private HttpServer server;

    private JwksRelay(String upstream) {
        this.upstream = upstream;
        this.server = serve(0);
        this.port = server.getAddress().getPort();
    }

    /** A running relay of {@code upstream} on a free loopback port. */
    public static JwksRelay of(String upstream) {
        return new JwksRelay(upstream);
    }

    public String url() {
        return "http://127.0.0.1:" + port + "/jwks";
    }

    public int fetches() {
        return fetches.get();
    }

    /** Publishes {@code key} (its public part) alongside the simulator's keys from now on: a key rotated in. */
    public void publishAlso(JWK key) {
        extraKeys.add(key.toPublicJWK());
    }

    /** Refuses connections from now on, until {@link #start()}. */
    public synchronized void stop() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    /** Serves again on the same port. */
    public synchronized void start() {
        if (server == null) {
            server = serve(port);
        }
    }

    private HttpServer serve(int onPort) {
        try {
            HttpServer bound = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), onPort), 16);
            bound.createContext("/", this::relay);
            bound.start();
            return bound;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void relay(HttpExchange exchange) throws IOException {
        fetches.incrementAndGet();
        try (exchange) {
            HttpResponse<byte[]> answer = HTTP.send(
                    HttpRequest.newBuilder(URI.create(upstream)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            byte[] served =
                    answer.statusCode() == 200 && !extraKeys.isEmpty() ? withExtraKeys(answer.body()) : answer.body();
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(answer.statusCode(), served.length);
            try (OutputStream body = exchange.getResponseBody()) {
                body.write(served);
            }
        } catch (ParseException e) {
            throw new IOException("the upstream JWKS does not parse", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private byte[] withExtraKeys(byte[] upstreamKeys) throws ParseException {
        List<JWK> keys = new ArrayList<>(
                JWKSet.parse(new String(upstreamKeys, StandardCharsets.UTF_8)).getKeys());
        keys.addAll(extraKeys);
        return new JWKSet(keys).toString(true).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        stop();
    }
}
