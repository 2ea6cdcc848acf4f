package io.crosspatch.simulator.ssm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** SSM's cron, rate and at schedules, and when a maintenance window opens next. Plain JUnit, no simulator. */
class ScheduleTest {

    @Test
    void findsTheThirdTuesdayOfEachMonth() {
        CronSchedule cron = CronSchedule.parse("30 23 ? * TUE#3 *");

        assertThat(cron.next(utc("2024-01-01T00:00:00"))).contains(utc("2024-01-16T23:30:00"));
        assertThat(cron.next(utc("2024-01-16T23:30:00"))).contains(utc("2024-02-20T23:30:00"));
    }

    @Test
    void findsTheLastFridayAndTheLastDayOfTheMonth() {
        assertThat(CronSchedule.parse("0 4 ? * 6L *").next(utc("2024-03-01T00:00:00")))
                .contains(utc("2024-03-29T04:00:00"));
        assertThat(CronSchedule.parse("0 0 L * ? *").next(utc("2024-02-01T00:00:00")))
                .contains(utc("2024-02-29T00:00:00"));
    }

    @Test
    void stepsThroughListsRangesAndIncrements() {
        CronSchedule cron = CronSchedule.parse("0/15 9-17 ? * MON-FRI *");

        assertThat(cron.next(utc("2024-03-01T17:50:00"))).contains(utc("2024-03-04T09:00:00"));
        assertThat(cron.next(utc("2024-03-04T09:00:00"))).contains(utc("2024-03-04T09:15:00"));
        assertThat(CronSchedule.parse("0 6,18 1,15 JAN,JUL ? *").next(utc("2024-01-15T07:00:00")))
                .contains(utc("2024-01-15T18:00:00"));
    }

    @Test
    void honoursTheYearFieldAndEndsAfterIt() {
        CronSchedule cron = CronSchedule.parse("0 0 1 1 ? 2030");

        assertThat(cron.next(utc("2024-05-05T00:00:00"))).contains(utc("2030-01-01T00:00:00"));
        assertThat(cron.next(utc("2030-01-01T00:00:00"))).isEmpty();
    }

    @Test
    void readsTheScheduleInItsTimeZoneAndAcceptsASecondsFieldOfZero() {
        ZonedDateTime after = ZonedDateTime.of(2024, 6, 1, 0, 0, 0, 0, ZoneId.of("Europe/Berlin"));

        Optional<ZonedDateTime> next = CronSchedule.parse("0 0 2 ? * SUN *").next(after);

        assertThat(next.map(ZonedDateTime::toInstant)).contains(Instant.parse("2024-06-02T00:00:00Z"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "cron(0 2 * * * *)",
                "cron(0 2 ? * ? *)",
                "cron(0 25 ? * * *)",
                "cron(0 2 ? * *)",
                "cron(x 2 ? * * *)",
                "cron(0 2 ? * TUE#6 *)",
                "cron(0 2 ? * FRI-MON *)",
                "cron(5 0 2 ? * * *)",
                "rate(0 days)",
                "rate(5 weeks)",
                "at(2024-13-01T00:00:00)",
                "daily"
            })
    void refusesMalformedExpressions(String expression) {
        assertThatThrownBy(() -> Schedule.parse(expression)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void addsTheOffsetAndSkipsAPeriodWhoseOccurrenceCameBeforeTheSchedule() {
        // Patch Tuesday (second Tuesday) plus three days
        Schedule schedule = Schedule.parse("cron(0 2 ? * TUE#2 *)");
        ZonedDateTime newYear = utc("2024-01-01T00:00:00");
        ZonedDateTime dayAfterPatchTuesday = utc("2024-01-10T00:00:00");

        assertThat(schedule.next(newYear, newYear, 3)).contains(utc("2024-01-12T02:00:00"));
        assertThat(schedule.next(dayAfterPatchTuesday, dayAfterPatchTuesday, 3)).contains(utc("2024-02-16T02:00:00"));
    }

    @Test
    void runsRatesFromTheirStartAndAtSchedulesOnce() {
        ZonedDateTime since = utc("2024-01-01T00:00:00");
        Schedule weekly = Schedule.parse("rate(7 days)");
        Schedule once = Schedule.parse("at(2030-01-01T10:00:00)");

        assertThat(weekly.next(utc("2024-01-02T00:00:00"), since, 0)).contains(utc("2024-01-08T00:00:00"));
        assertThat(weekly.next(utc("2024-01-08T00:00:00"), since, 0)).contains(utc("2024-01-15T00:00:00"));
        assertThat(once.next(since, since, 0)).contains(utc("2030-01-01T10:00:00"));
        assertThat(once.next(utc("2030-01-01T10:00:00"), since, 0)).isEmpty();
    }

    @Test
    void opensAWindowNoEarlierThanItsStartDateAndNeverAfterItsEndDate() {
        Instant created = Instant.parse("2024-01-01T00:00:00Z");
        MaintenanceWindow window = new MaintenanceWindow(
                "mw-0123456789abcdef0",
                "nightly",
                null,
                "cron(0 2 ? * * *)",
                "UTC",
                null,
                3,
                1,
                false,
                true,
                "2024-02-01T00:00:00Z",
                "2024-02-03T00:00:00Z",
                created,
                created,
                created,
                Map.of());

        assertThat(window.nextExecutionAfter(created).map(ZonedDateTime::toInstant))
                .contains(Instant.parse("2024-02-01T02:00:00Z"));
        assertThat(window.nextExecutionAfter(Instant.parse("2024-02-02T02:00:00Z")))
                .isEmpty();
    }

    private static ZonedDateTime utc(String localDateTime) {
        return ZonedDateTime.of(LocalDateTime.parse(localDateTime), ZoneOffset.UTC);
    }
}
