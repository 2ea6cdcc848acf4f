package io.crosspatch.bench.storm;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The shortest storm the AWS limits allow, however fast Crosspatch itself were: a pure function of the limits and the
 * fleet's shape, so that the measured wall time under the default limits can be read as "x times the floor".
 *
 * <p>Two token buckets bound it. New cloud accounts each need one {@code CreateAccount} on the one management account
 * (rate {@code r_c}, burst {@code b_c}), and Organizations keeps at most {@code p} creations in progress, each lasting
 * {@code d} — so account creations start no faster than {@code min(r_c, p/d)} per second. Then every VM needs one
 * {@code CreateActivation} in its account's system account (rate {@code r_a}, burst {@code b_a} per account). With
 * buckets full at the start, the {@code n}-th call of a bucket can go at {@code max(0, (n - b) / r)} seconds.
 *
 * <pre>
 *   ready(existing)   = 0
 *   ready(k-th new)   = max(0, (k - b_c) / min(r_c, p/d)) + d          (k = 1, 2, …; busiest accounts created first)
 *   activations(v)    = max(0, (v - b_a) / r_a)                         (v = the account's VMs)
 *   minimum           = max over accounts of ready(account) + activations(v of that account)
 * </pre>
 *
 * Creating the accounts with the most VMs first minimises that maximum, and that order is what the formula assumes
 * (an account without VMs in the storm is never created). {@code p/d} treats the in-progress cap as a steady rate.
 * It ignores every cost Crosspatch adds (verification, Cassandra, Kafka, the other AWS calls of a reconcile), so the
 * measured time is always above it; the ratio says how much of the storm the pipeline adds on top of AWS.
 */
public final class TheoreticalMinimum {

    /** A token bucket: sustained calls per second and how many may go at once from full. */
    public record Bucket(double ratePerSecond, double burst) {

        public Bucket {
            if (ratePerSecond <= 0 || burst < 0) {
                throw new IllegalArgumentException("a bucket needs a positive rate and a non-negative burst");
            }
        }

        /** The lower of two limits on the same calls (the simulator's, and a client's own pacing). */
        public Bucket tighter(Bucket other) {
            return new Bucket(Math.min(ratePerSecond, other.ratePerSecond), Math.min(burst, other.burst));
        }

        /** When the {@code n}-th call (1-based) may go, the bucket full at 0. */
        double secondsUntilCall(long n) {
            return Math.max(0, (n - burst) / ratePerSecond);
        }
    }

    /**
     * @param createAccount       {@code CreateAccount} on the management account
     * @param creationsInProgress at most this many account creations at once ({@code p})
     * @param creationSeconds     how long a creation takes ({@code d})
     * @param createActivation    {@code CreateActivation} per system account
     */
    public record Limits(
            Bucket createAccount, int creationsInProgress, double creationSeconds, Bucket createActivation) {}

    private TheoreticalMinimum() {}

    /**
     * @param vmsPerNewAccount      the storm's VMs of each account that has no system account yet
     * @param vmsPerExistingAccount the storm's VMs of each account whose system account exists
     * @return the floor in seconds
     */
    public static double seconds(Limits limits, List<Integer> vmsPerNewAccount, List<Integer> vmsPerExistingAccount) {
        double floor = 0;
        for (int vms : vmsPerExistingAccount) {
            floor = Math.max(floor, activationSeconds(limits, vms));
        }
        double creationRate = limits.createAccount().ratePerSecond();
        if (limits.creationsInProgress() > 0 && limits.creationSeconds() > 0) {
            creationRate = Math.min(creationRate, limits.creationsInProgress() / limits.creationSeconds());
        }
        Bucket creations = new Bucket(creationRate, limits.createAccount().burst());
        List<Integer> busiestFirst =
                new ArrayList<>(vmsPerNewAccount.stream().filter(vms -> vms > 0).toList());
        busiestFirst.sort(Comparator.reverseOrder());
        for (int k = 0; k < busiestFirst.size(); k++) {
            double ready = creations.secondsUntilCall(k + 1L) + limits.creationSeconds();
            floor = Math.max(floor, ready + activationSeconds(limits, busiestFirst.get(k)));
        }
        return floor;
    }

    private static double activationSeconds(Limits limits, int vms) {
        return limits.createActivation().secondsUntilCall(vms);
    }
}
