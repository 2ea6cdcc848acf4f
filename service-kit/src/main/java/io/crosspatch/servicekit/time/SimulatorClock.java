package io.crosspatch.servicekit.time;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The system clock moved by the cloud simulator's offset: for a service that sends AWS times AWS checks against its
 * own clock (patching-service's activation expiry), run against the simulator whose clock a demo or a test moves
 * ahead. The offset is read from the simulator's clock endpoint ({@code GET /_sim/clock} answers
 * {@code {"now": …, "offset": "PT744H"}}) when the last reading is older than {@link #REFRESH}, so a time this clock
 * gives is at most that far behind a move; between moves the simulator's time runs at the wall clock's pace, as this
 * one does. Only ever configured against a simulator ({@code crosspatch.time.simulator-clock}); a real service runs
 * on the system clock.
 */
public final class SimulatorClock extends Clock {

    /** How old a reading of the offset may get: the simulator's own ticker runs every 200 ms too. */
    public static final Duration REFRESH = Duration.ofMillis(200);

    private static final Logger log = LoggerFactory.getLogger(SimulatorClock.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(2);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI endpoint;
    private final Clock system;
    private final HttpClient http;
    private volatile Duration offset;
    private volatile long readAtNanos;
    private boolean unreachable;

    /**
     * Reads the offset once before answering anything, so a service pointed at a simulator that does not answer
     * refuses to start rather than running a month behind it.
     */
    public SimulatorClock(URI endpoint, Clock system) {
        this.endpoint = endpoint;
        this.system = system;
        this.http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
        try {
            this.offset = readOffset();
        } catch (IOException e) {
            throw new IllegalStateException(
                    "the simulator's clock " + endpoint + " did not answer: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the simulator's clock " + endpoint, e);
        }
        this.readAtNanos = System.nanoTime();
        log.info("following the cloud simulator's clock {} (now {} ahead of the system clock)", endpoint, offset);
    }

    @Override
    public Instant instant() {
        refreshIfOld();
        return system.instant().plus(offset);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    /** The same time in another zone; the services only ever ask for UTC. */
    @Override
    public Clock withZone(ZoneId zone) {
        if (zone.equals(ZoneOffset.UTC)) {
            return this;
        }
        SimulatorClock source = this;
        return new Clock() {
            @Override
            public Instant instant() {
                return source.instant();
            }

            @Override
            public ZoneId getZone() {
                return zone;
            }

            @Override
            public Clock withZone(ZoneId other) {
                return source.withZone(other);
            }
        };
    }

    /** The offset last read. */
    public Duration offset() {
        return offset;
    }

    /**
     * One reader at a time; the others wait for its answer rather than going on with an old offset. An unreachable
     * simulator leaves the last offset in place, is logged once, and is asked again after {@link #REFRESH}.
     */
    private void refreshIfOld() {
        if (System.nanoTime() - readAtNanos < REFRESH.toNanos()) {
            return;
        }
        synchronized (this) {
            if (System.nanoTime() - readAtNanos < REFRESH.toNanos()) {
                return;
            }
            try {
                offset = readOffset();
                if (unreachable) {
                    log.info("the simulator's clock {} answers again: {} ahead", endpoint, offset);
                    unreachable = false;
                }
            } catch (IOException | RuntimeException e) {
                if (!unreachable) {
                    log.warn(
                            "the simulator's clock {} did not answer ({}); keeping the offset {}",
                            endpoint,
                            e.toString(),
                            offset);
                    unreachable = true;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                readAtNanos = System.nanoTime();
            }
        }
    }

    private Duration readOffset() throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(endpoint).timeout(TIMEOUT).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("GET " + endpoint + " answered " + response.statusCode());
        }
        JsonNode offsetField = JSON.readTree(response.body()).path("offset");
        if (!offsetField.isTextual()) {
            throw new IOException("GET " + endpoint + " answered no offset: " + response.body());
        }
        try {
            return Duration.parse(offsetField.asText());
        } catch (DateTimeParseException e) {
            throw new IOException(
                    "GET " + endpoint + " answered an offset that is no ISO-8601 duration: " + offsetField.asText(), e);
        }
    }
}
