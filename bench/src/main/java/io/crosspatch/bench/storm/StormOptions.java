package io.crosspatch.bench.storm;

import java.time.Duration;

/**
 * The storm's shape: {@code vms} VMs spread evenly over {@code accounts} cloud accounts (the four providers in turn,
 * over {@code tenants} tenants), of which the share {@code existingShare} has its system account before the clock
 * starts; {@code clients} threads POST the enrollments; {@code timeout} bounds the wait for the last activation;
 * {@code statusSample} activated enrollments are checked through the status API afterwards.
 */
public record StormOptions(
        int vms, int accounts, int tenants, double existingShare, int clients, Duration timeout, int statusSample) {

    public StormOptions {
        if (vms < 1 || accounts < 1 || tenants < 1 || clients < 1) {
            throw new IllegalArgumentException("vms, accounts, tenants and clients must be positive");
        }
        if (existingShare < 0 || existingShare > 1) {
            throw new IllegalArgumentException("the share of existing accounts is between 0 and 1");
        }
    }

    /** The storm: 10,000 VMs across 200 cloud accounts, half of them existing. */
    public static StormOptions defaults() {
        return new StormOptions(10_000, 200, 20, 0.5, 64, Duration.ofMinutes(30), 50);
    }

    public StormOptions withVms(int count) {
        return new StormOptions(count, accounts, tenants, existingShare, clients, timeout, statusSample);
    }

    public StormOptions withAccounts(int count) {
        return new StormOptions(vms, count, Math.min(tenants, count), existingShare, clients, timeout, statusSample);
    }

    public StormOptions withExistingShare(double share) {
        return new StormOptions(vms, accounts, tenants, share, clients, timeout, statusSample);
    }

    public StormOptions withClients(int count) {
        return new StormOptions(vms, accounts, tenants, existingShare, count, timeout, statusSample);
    }

    public StormOptions withTimeout(Duration wait) {
        return new StormOptions(vms, accounts, tenants, existingShare, clients, wait, statusSample);
    }

    /** How many of the accounts are warmed (have a system account) before the storm. */
    public int existingAccounts() {
        return (int) Math.round(accounts * existingShare);
    }
}
