package io.crosspatch.simulator.ssm;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/**
 * The ISO-8601 strings maintenance windows take for StartDate and EndDate: with an offset
 * ({@code 2024-01-01T00:00:00-08:00}), or without (then read in the window's time zone), or a bare date.
 */
final class DateStrings {

    private DateStrings() {}

    /** @throws DateTimeParseException when the text is no ISO-8601 date-time */
    static Instant parse(String text, ZoneId zone) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException withoutOffset) {
            if (text.contains("T")) {
                return LocalDateTime.parse(text).atZone(zone).toInstant();
            }
            return LocalDate.parse(text).atStartOfDay(zone).toInstant();
        }
    }
}
