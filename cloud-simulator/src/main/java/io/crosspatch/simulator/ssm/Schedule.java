package io.crosspatch.simulator.ssm;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A maintenance window's or association's schedule: {@code cron(…)} ({@link CronSchedule}), {@code rate(n unit)}
 * or the one-time {@code at(yyyy-MM-ddTHH:mm:ss)}.
 */
public final class Schedule {

    private static final Pattern CRON = Pattern.compile("cron\\((.+)\\)");
    private static final Pattern RATE = Pattern.compile("rate\\(([1-9]\\d*) (minute|minutes|hour|hours|day|days)\\)");
    private static final Pattern AT = Pattern.compile("at\\((\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2})\\)");

    private final @Nullable CronSchedule cron;
    private final @Nullable Duration rate;
    private final @Nullable LocalDateTime at;

    private Schedule(@Nullable CronSchedule cron, @Nullable Duration rate, @Nullable LocalDateTime at) {
        this.cron = cron;
        this.rate = rate;
        this.at = at;
    }

    /** @throws IllegalArgumentException saying what is wrong with the expression */
    public static Schedule parse(String expression) {
        Matcher cron = CRON.matcher(expression);
        if (cron.matches()) {
            return new Schedule(CronSchedule.parse(cron.group(1)), null, null);
        }
        Matcher rate = RATE.matcher(expression);
        if (rate.matches()) {
            long amount = Long.parseLong(rate.group(1));
            Duration unit = switch (rate.group(2).charAt(0)) {
                case 'm' -> Duration.ofMinutes(1);
                case 'h' -> Duration.ofHours(1);
                default -> Duration.ofDays(1);
            };
            return new Schedule(null, unit.multipliedBy(amount), null);
        }
        Matcher at = AT.matcher(expression);
        if (at.matches()) {
            try {
                return new Schedule(null, null, LocalDateTime.parse(at.group(1)));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("'" + at.group(1) + "' is not a date-time");
            }
        }
        throw new IllegalArgumentException("a schedule is cron(...), rate(...) or at(...)");
    }

    public boolean isCron() {
        return cron != null;
    }

    /** The interval of a {@code rate(…)} schedule, empty for the others. */
    public Optional<Duration> rate() {
        return Optional.ofNullable(rate);
    }

    /**
     * The first occurrence strictly after {@code after}.
     *
     * @param since      cron occurrences before it don't count; a rate schedule runs every interval from it
     * @param offsetDays days added to each cron occurrence
     */
    public Optional<ZonedDateTime> next(ZonedDateTime after, ZonedDateTime since, int offsetDays) {
        if (cron != null) {
            ZonedDateTime shifted = after.minusDays(offsetDays);
            ZonedDateTime from = shifted.isBefore(since) ? since.minusNanos(1) : shifted;
            return cron.next(from).map(occurrence -> occurrence.plusDays(offsetDays));
        }
        if (rate != null) {
            long elapsed = Math.max(0, Duration.between(since, after).toMillis());
            long periods = elapsed / rate.toMillis() + 1;
            return Optional.of(since.plus(rate.multipliedBy(periods)));
        }
        // parse() sets exactly one of cron, rate and at
        ZonedDateTime once = Objects.requireNonNull(at).atZone(after.getZone());
        return once.isAfter(after) ? Optional.of(once) : Optional.empty();
    }
}
