package io.crosspatch.simulator.ssm;

import static io.crosspatch.simulator.ssm.SsmFixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crosspatch.simulator.SharedSimulator;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ssm.SsmAsyncClient;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.CreateMaintenanceWindowRequest;
import software.amazon.awssdk.services.ssm.model.DoesNotExistException;
import software.amazon.awssdk.services.ssm.model.GetMaintenanceWindowResponse;
import software.amazon.awssdk.services.ssm.model.MaintenanceWindowExecution;
import software.amazon.awssdk.services.ssm.model.MaintenanceWindowFilter;
import software.amazon.awssdk.services.ssm.model.ResourceLimitExceededException;
import software.amazon.awssdk.services.ssm.model.ValidationException;

/** Maintenance windows: schedules on the simulated clock, updates, listing, quota, and recorded executions. */
class MaintenanceWindowsTest {

    private static final SsmClient ssm = SharedSimulator.ssm(SsmFixtures.management());

    @AfterAll
    static void closeClient() {
        ssm.close();
    }

    @Test
    void createsWindowAndComputesItsNextExecutionFromTheSchedulePlusOffset() {
        // when a window opens two days after Patch Tuesday (second Tuesday) at 02:00 UTC
        String id = ssm.createMaintenanceWindow(window(unique("patch-tuesday-plus-2"), "cron(0 2 ? * TUE#2 *)")
                        .scheduleOffset(2)
                        .description("on-time")
                        .build())
                .windowId();

        // then
        GetMaintenanceWindowResponse window = ssm.getMaintenanceWindow(r -> r.windowId(id));
        assertThat(id).matches("mw-[0-9a-f]{17}");
        assertThat(window.scheduleOffset()).isEqualTo(2);
        assertThat(window.duration()).isEqualTo(4);
        assertThat(window.cutoff()).isEqualTo(1);
        assertThat(window.enabled()).isTrue();
        assertThat(window.description()).isEqualTo("on-time");
        ZonedDateTime next = OffsetDateTime.parse(window.nextExecutionTime()).atZoneSameInstant(ZoneOffset.UTC);
        assertThat(next.getDayOfWeek()).isEqualTo(DayOfWeek.THURSDAY);
        assertThat(next.minusDays(2).getDayOfMonth()).isBetween(8, 14);
        assertThat(next.getHour()).isEqualTo(2);
        assertThat(next.toInstant()).isAfter(SharedSimulator.get().clock().instant());
    }

    @Test
    void refusesSchedulesSsmWouldRefuse() {
        assertRefused(window(unique("bad"), "cron(0 2 * * * *)"), "Invalid schedule expression");
        assertRefused(window(unique("bad"), "rate(7 days)").scheduleOffset(1), "cron");
        assertRefused(window(unique("bad"), "rate(7 days)").duration(2).cutoff(2), "Cutoff");
        assertRefused(window(unique("bad"), "rate(7 days)").scheduleTimezone("Mars/Olympus"), "ScheduleTimezone");
        assertRefused(window(unique("bad"), "rate(7 days)").duration(25), "duration");
        assertRefused(window(unique("bad"), "rate(7 days)").endDate("2001-01-01T00:00:00Z"), "EndDate");
    }

    @Test
    void updatesNamedMembersAndHidesNextExecutionOfDisabledWindows() {
        String id = ssm.createMaintenanceWindow(window(unique("weekly"), "cron(0 3 ? * SUN *)")
                        .scheduleTimezone("Europe/Berlin")
                        .build())
                .windowId();

        ssm.updateMaintenanceWindow(r -> r.windowId(id).enabled(false).duration(6));

        GetMaintenanceWindowResponse window = ssm.getMaintenanceWindow(r -> r.windowId(id));
        assertThat(window.enabled()).isFalse();
        assertThat(window.duration()).isEqualTo(6);
        assertThat(window.schedule()).isEqualTo("cron(0 3 ? * SUN *)");
        assertThat(window.scheduleTimezone()).isEqualTo("Europe/Berlin");
        assertThat(window.nextExecutionTime()).isNull();
        assertThatThrownBy(() -> ssm.updateMaintenanceWindow(r -> r.windowId(id).cutoff(6)))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> ssm.getMaintenanceWindow(r -> r.windowId("mw-00000000000000000")))
                .isInstanceOf(DoesNotExistException.class);
    }

    @Test
    void describesWindowsByNameAndEnabledPageByPage() {
        String name = unique("listed");
        for (int i = 0; i < 12; i++) {
            ssm.createMaintenanceWindow(window(name, "rate(1 day)").build());
        }
        MaintenanceWindowFilter byName =
                MaintenanceWindowFilter.builder().key("Name").values(name).build();
        MaintenanceWindowFilter enabled =
                MaintenanceWindowFilter.builder().key("Enabled").values("true").build();

        List<Integer> pages =
                ssm.describeMaintenanceWindowsPaginator(r -> r.maxResults(10).filters(byName, enabled)).stream()
                        .map(page -> page.windowIdentities().size())
                        .toList();

        assertThat(pages).containsExactly(10, 2);
        assertThat(ssm.describeMaintenanceWindows(r -> r.filters(byName)).windowIdentities())
                .allSatisfy(identity -> assertThat(identity.nextExecutionTime()).isNotNull());
        assertThatThrownBy(() -> ssm.describeMaintenanceWindows(r -> r.maxResults(9)))
                .isInstanceOf(ValidationException.class);
    }

    @Test
    void refusesTheFiftyFirstWindowOfAnAccount() {
        try (SsmClient other = SharedSimulator.ssm(SsmFixtures.anotherAccount())) {
            for (int i = 0; i < SsmRegionState.WINDOW_QUOTA; i++) {
                other.createMaintenanceWindow(
                        window("quota-" + i, "rate(7 days)").build());
            }

            assertThatThrownBy(() -> other.createMaintenanceWindow(
                            window("quota-51", "rate(7 days)").build()))
                    .isInstanceOf(ResourceLimitExceededException.class);
        }
    }

    @Test
    void deletesWindowsIdempotently() {
        String id = ssm.createMaintenanceWindow(
                        window(unique("temporary"), "rate(7 days)").build())
                .windowId();

        ssm.deleteMaintenanceWindow(r -> r.windowId(id));

        assertThat(ssm.deleteMaintenanceWindow(r -> r.windowId(id)).windowId()).isEqualTo(id);
        assertThatThrownBy(() -> ssm.getMaintenanceWindow(r -> r.windowId(id)))
                .isInstanceOf(DoesNotExistException.class);
    }

    @Test
    void listsTheExecutionsTheWindowRunnerRecords() {
        // given a window and two runs recorded as the window runner records them
        String id = ssm.createMaintenanceWindow(
                        window(unique("executed"), "rate(1 day)").build())
                .windowId();
        SsmRegionState region = SharedSimulator.get()
                .module(SsmModule.class)
                .state()
                .region(SsmFixtures.MANAGEMENT_ACCOUNT, SsmFixtures.REGION);
        Instant start = Instant.parse("2024-05-01T02:00:00Z");
        String first = UUID.randomUUID().toString();
        String second = UUID.randomUUID().toString();
        region.recordExecution(
                new WindowExecution(first, id, WindowExecutionStatus.SUCCESS, null, start, start.plusSeconds(600)));
        region.recordExecution(new WindowExecution(
                second,
                id,
                WindowExecutionStatus.FAILED,
                "1 of 3 nodes failed",
                start.plusSeconds(86_400),
                start.plusSeconds(87_000)));

        // when
        List<MaintenanceWindowExecution> all;
        try (SsmAsyncClient async = SharedSimulator.ssmAsync(SsmFixtures.management())) {
            all = async.describeMaintenanceWindowExecutions(r -> r.windowId(id))
                    .join()
                    .windowExecutions();
        }
        List<MaintenanceWindowExecution> early = ssm.describeMaintenanceWindowExecutions(r -> r.windowId(id)
                        .filters(MaintenanceWindowFilter.builder()
                                .key("ExecutedBefore")
                                .values("2024-05-01T12:00:00Z")
                                .build()))
                .windowExecutions();

        // then
        assertThat(all)
                .extracting(MaintenanceWindowExecution::windowExecutionId)
                .containsExactly(second, first);
        assertThat(all.get(0).statusAsString()).isEqualTo("FAILED");
        assertThat(all.get(0).statusDetails()).isEqualTo("1 of 3 nodes failed");
        assertThat(all.get(1).endTime()).isEqualTo(start.plusSeconds(600));
        assertThat(early)
                .extracting(MaintenanceWindowExecution::windowExecutionId)
                .containsExactly(first);
    }

    private static void assertRefused(CreateMaintenanceWindowRequest.Builder request, String reason) {
        assertThatThrownBy(() -> ssm.createMaintenanceWindow(request.build()))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining(reason);
    }

    static CreateMaintenanceWindowRequest.Builder window(String name, String schedule) {
        return CreateMaintenanceWindowRequest.builder()
                .name(name)
                .schedule(schedule)
                .duration(4)
                .cutoff(1)
                .allowUnassociatedTargets(false);
    }
}
