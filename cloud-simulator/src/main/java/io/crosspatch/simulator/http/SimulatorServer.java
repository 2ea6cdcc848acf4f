package io.crosspatch.simulator.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One HTTP listener on loopback for everything the simulator serves: the AWS APIs at {@code /}, the clouds'
 * metadata and trust-anchor endpoints, and the {@code /_sim/} control endpoints. The longest matching path
 * prefix wins, so modules add their routes without knowing about each other.
 */
public final class SimulatorServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SimulatorServer.class);

    static {
        // The JDK server writes headers and body separately; with Nagle's algorithm on, every answer then waits for
        // the client's delayed ACK (about 40 ms). The property is read once, when the first server is created.
        setUnlessGiven("sun.net.httpserver.nodelay", "true");
        // Keep idle connections as long as the clients do. The JDK server closes idle connections after 30 s, and at
        // once beyond 200 of them, while the AWS SDK's pool keeps them up to 60 s and Java's HttpClient far longer: a
        // client then sends on a connection the server is closing and gets no answer ("The target server failed to
        // respond"). The enrollment storm, with hundreds of pooled connections, saw dozens of those per run.
        setUnlessGiven("sun.net.httpserver.idleInterval", "600");
        setUnlessGiven("sun.net.httpserver.maxIdleConnections", "10000");
    }

    private static void setUnlessGiven(String property, String value) {
        if (System.getProperty(property) == null) {
            System.setProperty(property, value);
        }
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final Map<String, Route> routes = new ConcurrentSkipListMap<>(
            Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()));

    public SimulatorServer(String host, int port, int threads) {
        try {
            server = HttpServer.create(new InetSocketAddress(host, port), 512);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + host + ":" + port, e);
        }
        AtomicInteger count = new AtomicInteger();
        executor = new ThreadPoolExecutor(
                threads, threads, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), runnable -> {
                    Thread thread = new Thread(runnable, "simulator-http-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        server.setExecutor(executor);
        server.createContext("/", this::dispatch);
    }

    public void route(String pathPrefix, Route route) {
        routes.put(pathPrefix, route);
    }

    public void start() {
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private void dispatch(HttpExchange exchange) {
        String path = exchange.getRequestURI().getPath();
        try {
            for (Map.Entry<String, Route> route : routes.entrySet()) {
                if (path.startsWith(route.getKey())) {
                    route.getValue().handle(exchange);
                    return;
                }
            }
            Http.error(exchange, 404, "NOT_FOUND", "no simulator endpoint at " + path);
        } catch (Exception e) {
            log.warn("simulator endpoint {} {} failed", exchange.getRequestMethod(), path, e);
            try {
                Http.error(exchange, 500, "SIMULATOR_ERROR", String.valueOf(e.getMessage()));
            } catch (IOException ignored) {
                exchange.close();
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
