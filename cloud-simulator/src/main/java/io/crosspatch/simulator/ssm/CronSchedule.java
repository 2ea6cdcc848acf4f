package io.crosspatch.simulator.ssm;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Systems Manager's cron syntax: {@code minutes hours day-of-month month day-of-week year}, optionally preceded by a
 * seconds field of 0. Fields take {@code *}, lists, ranges and {@code /} increments; exactly one of the two day
 * fields is {@code ?}; day-of-month takes {@code L} (last day); day-of-week counts SUN=1…SAT=7 and takes
 * {@code 5L} (last Thursday) and {@code TUE#2} (second Tuesday).
 */
public final class CronSchedule {

    private static final List<String> MONTHS =
            List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC");
    private static final List<String> DAYS = List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT");
    private static final int FIRST_YEAR = 1970;
    private static final int LAST_YEAR = 2199;

    private final BitSet minutes;
    private final BitSet hours;
    private final BitSet months;
    private final BitSet years;
    private final boolean byDayOfMonth;
    private final BitSet daysOfMonth;
    private final boolean lastDayOfMonth;
    private final BitSet daysOfWeek = new BitSet();
    private final BitSet lastDaysOfWeek = new BitSet();
    private final BitSet nthDaysOfWeek = new BitSet();

    private CronSchedule(String[] fields) {
        minutes = field(fields[0], 0, 59, List.of());
        hours = field(fields[1], 0, 23, List.of());
        months = field(fields[3], 1, 12, MONTHS);
        years = field(fields[5], FIRST_YEAR, LAST_YEAR, List.of());
        boolean noDayOfMonth = fields[2].equals("?");
        boolean noDayOfWeek = fields[4].equals("?");
        if (noDayOfMonth == noDayOfWeek) {
            throw new IllegalArgumentException("exactly one of day-of-month and day-of-week must be '?'");
        }
        byDayOfMonth = noDayOfWeek;
        lastDayOfMonth = fields[2].equals("L");
        daysOfMonth = byDayOfMonth && !lastDayOfMonth ? field(fields[2], 1, 31, List.of()) : new BitSet();
        if (!byDayOfMonth) {
            parseDaysOfWeek(fields[4]);
        }
    }

    /** @param fields the text inside {@code cron(…)} */
    public static CronSchedule parse(String fields) {
        String[] parts = fields.trim().split("\\s+");
        if (parts.length == 7) {
            if (!parts[0].equals("0")) {
                throw new IllegalArgumentException("the seconds field must be 0");
            }
            parts = Arrays.copyOfRange(parts, 1, 7);
        }
        if (parts.length != 6) {
            throw new IllegalArgumentException(
                    "a cron expression has six fields: minutes hours day-of-month month day-of-week year");
        }
        return new CronSchedule(parts);
    }

    /** The first matching minute strictly after {@code after}, in its zone; empty past the year 2199. */
    public Optional<ZonedDateTime> next(ZonedDateTime after) {
        ZonedDateTime start = after.truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
        LocalDate date = start.toLocalDate();
        while (date.getYear() <= LAST_YEAR) {
            if (!years.get(date.getYear())) {
                date = LocalDate.of(date.getYear() + 1, 1, 1);
            } else if (!months.get(date.getMonthValue())) {
                date = date.withDayOfMonth(1).plusMonths(1);
            } else {
                if (dayMatches(date)) {
                    LocalTime from = date.equals(start.toLocalDate()) ? start.toLocalTime() : LocalTime.MIDNIGHT;
                    Optional<ZonedDateTime> time = firstTime(date, from, after);
                    if (time.isPresent()) {
                        return time;
                    }
                }
                date = date.plusDays(1);
            }
        }
        return Optional.empty();
    }

    private Optional<ZonedDateTime> firstTime(LocalDate date, LocalTime from, ZonedDateTime after) {
        for (int hour = hours.nextSetBit(from.getHour()); hour >= 0; hour = hours.nextSetBit(hour + 1)) {
            int firstMinute = hour == from.getHour() ? from.getMinute() : 0;
            for (int minute = minutes.nextSetBit(firstMinute); minute >= 0; minute = minutes.nextSetBit(minute + 1)) {
                ZonedDateTime candidate = ZonedDateTime.of(date, LocalTime.of(hour, minute), after.getZone());
                if (candidate.isAfter(after)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    private boolean dayMatches(LocalDate date) {
        int day = date.getDayOfMonth();
        boolean lastWeekOfMonth = day + 7 > date.lengthOfMonth();
        if (byDayOfMonth) {
            return daysOfMonth.get(day) || (lastDayOfMonth && day == date.lengthOfMonth());
        }
        int dayOfWeek = date.getDayOfWeek().getValue() % 7 + 1;
        return daysOfWeek.get(dayOfWeek)
                || (lastDaysOfWeek.get(dayOfWeek) && lastWeekOfMonth)
                || nthDaysOfWeek.get(dayOfWeek * 10 + (day - 1) / 7 + 1);
    }

    private void parseDaysOfWeek(String text) {
        if (text.equals("L")) {
            daysOfWeek.set(7);
            return;
        }
        for (String item : text.split(",")) {
            if (item.endsWith("L")) {
                lastDaysOfWeek.set(value(item.substring(0, item.length() - 1), 1, 7, DAYS));
            } else if (item.contains("#")) {
                String[] parts = item.split("#");
                int nth = value(parts[1], 1, 5, List.of());
                nthDaysOfWeek.set(value(parts[0], 1, 7, DAYS) * 10 + nth);
            } else {
                daysOfWeek.or(field(item, 1, 7, DAYS));
            }
        }
    }

    private static BitSet field(String text, int min, int max, List<String> names) {
        BitSet values = new BitSet();
        for (String item : text.split(",")) {
            String[] stepped = item.split("/", -1);
            if (stepped.length > 2) {
                throw new IllegalArgumentException("bad increment in '" + item + "'");
            }
            int step = stepped.length == 2 ? value(stepped[1], 1, max, List.of()) : 1;
            String range = stepped[0];
            int from;
            int to;
            if (range.equals("*")) {
                from = min;
                to = max;
            } else if (range.contains("-")) {
                String[] bounds = range.split("-", -1);
                from = value(bounds[0], min, max, names);
                to = value(bounds[1], min, max, names);
            } else {
                from = value(range, min, max, names);
                to = stepped.length == 2 ? max : from;
            }
            if (from > to) {
                throw new IllegalArgumentException("range '" + range + "' runs backwards");
            }
            for (int value = from; value <= to; value += step) {
                values.set(value);
            }
        }
        return values;
    }

    private static int value(String text, int min, int max, List<String> names) {
        int named = names.indexOf(text.toUpperCase(Locale.ROOT));
        int value;
        if (named >= 0) {
            value = named + 1;
        } else {
            try {
                value = Integer.parseInt(text);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + text + "' is not a value");
            }
        }
        if (value < min || value > max) {
            throw new IllegalArgumentException(value + " is outside " + min + "-" + max);
        }
        return value;
    }
}
