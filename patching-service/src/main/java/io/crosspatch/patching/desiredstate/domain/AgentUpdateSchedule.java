package io.crosspatch.patching.desiredstate.domain;

import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When agents are updated when nobody says: right after the late ring's Install window closes — the cron of the
 * group with the longest delay, its hour moved on by the window's duration ({@code cron(0 2 ? * TUE#4 *)} and a
 * 4-hour window give {@code cron(0 6 ? * TUE#4 *)}). An agent update restarts the agent, so it must not fall into a
 * window where patches install; after the last ring's window no group is patching until next month's early one.
 */
public final class AgentUpdateSchedule {

    private static final Pattern CRON =
            Pattern.compile("^cron\\((\\d{1,2}) (\\d{1,2}) (\\S+) (\\S+) (\\S+) (\\S+)\\)$");

    private AgentUpdateSchedule() {}

    /** The schedule after the latest group's window; refuses what it cannot shift safely (say it explicitly then). */
    public static String afterLatestWindow(List<PatchGroupPolicy> groups, WindowPolicy window) {
        PatchGroupPolicy latest = groups.stream()
                .max(Comparator.comparingInt(PatchGroupPolicy::delayDays))
                .orElseThrow(() -> new IllegalArgumentException("no patch groups to schedule agent updates after"));
        Matcher cron = CRON.matcher(latest.installSchedule());
        int hour = cron.matches() ? Integer.parseInt(cron.group(2)) + window.durationHours() : 24;
        if (hour >= 24 || latest.scheduleOffset() != null) {
            throw new IllegalArgumentException("cannot derive the agent-update schedule from the " + latest.name()
                    + " group's window " + latest.installSchedule() + " (" + window.durationHours()
                    + " h): set crosspatch.patching.desired-state.agent-update-schedule");
        }
        return "cron(" + cron.group(1) + " " + hour + " " + cron.group(3) + " " + cron.group(4) + " " + cron.group(5)
                + " " + cron.group(6) + ")";
    }
}
