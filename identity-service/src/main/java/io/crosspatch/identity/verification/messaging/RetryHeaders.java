package io.crosspatch.identity.verification.messaging;

import io.crosspatch.identity.verification.domain.RetryTicket;
import io.crosspatch.servicekit.messaging.NonRetryableEventException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * The {@link RetryTicket} of a parked {@code enrollment.requested.retry} record, as headers beside the untouched
 * Avro value: the attempt, since when it waits and when it is due (epoch milliseconds, as text).
 */
final class RetryHeaders {

    static final String ATTEMPT = "crosspatch-retry-attempt";
    static final String SINCE = "crosspatch-retry-since";
    static final String DUE = "crosspatch-retry-due";

    private RetryHeaders() {}

    static Headers of(RetryTicket ticket) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(ATTEMPT, bytes(Integer.toString(ticket.attempt())));
        headers.add(SINCE, bytes(Long.toString(ticket.since().toEpochMilli())));
        headers.add(DUE, bytes(Long.toString(ticket.due().toEpochMilli())));
        return headers;
    }

    /** The ticket a parked record carries; a record without a readable one breaks the contract. */
    static RetryTicket ticket(Headers headers) {
        try {
            return new RetryTicket(
                    Integer.parseInt(text(headers, ATTEMPT)),
                    Instant.ofEpochMilli(Long.parseLong(text(headers, SINCE))),
                    Instant.ofEpochMilli(Long.parseLong(text(headers, DUE))));
        } catch (NumberFormatException e) {
            throw new NonRetryableEventException("enrollment.requested.retry record has a malformed retry header");
        }
    }

    private static String text(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        if (header == null || header.value() == null) {
            throw new NonRetryableEventException("enrollment.requested.retry record has no " + name + " header");
        }
        return new String(header.value(), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
