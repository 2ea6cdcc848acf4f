package io.crosspatch.bench.drill;

import java.time.Duration;

/**
 * How big and how long a drill is: its fleet (VMs over cloud accounts of a few tenants), how many client threads
 * enroll it, when the mid-storm fault lands, and how long the storm and the audit's waits may take.
 *
 * @param faultAfter   from the first POST to the mid-storm fault: early enough that most enrollments are in flight
 * @param sweepDays    simulated days the clock advances, one at a time, so that every patch group's window runs
 * @param faultOnDay   the day after which the mid-sweep fault lands
 */
public record DrillSizes(
        int vms,
        int accounts,
        int tenants,
        int parallelism,
        Duration faultAfter,
        Duration stormTimeout,
        int sweepDays,
        int faultOnDay,
        Duration settleTimeout) {

    /** 400 VMs over 12 accounts: all the drills in about half an hour on a 2-core machine. */
    public static DrillSizes defaults() {
        return new DrillSizes(
                400, 12, 3, 16, Duration.ofSeconds(8), Duration.ofMinutes(10), 31, 10, Duration.ofMinutes(5));
    }

    public DrillSizes withFleet(int vmCount, int accountCount) {
        return new DrillSizes(
                vmCount,
                accountCount,
                Math.min(tenants, accountCount),
                parallelism,
                faultAfter,
                stormTimeout,
                sweepDays,
                faultOnDay,
                settleTimeout);
    }

    public DrillSizes withFaultAfter(Duration after) {
        return new DrillSizes(
                vms, accounts, tenants, parallelism, after, stormTimeout, sweepDays, faultOnDay, settleTimeout);
    }
}
