package io.crosspatch.reporting.compliance.domain;

import org.jspecify.annotations.Nullable;

/**
 * The figures of the summary for a set of instances (one bucket, one cloud account, or a whole tenant): sums
 * that can be added together, so bucket rows add up to account rows and account rows to the totals.
 *
 * @param cloudAccountName              the account's display name, null when unknown or when mixing accounts
 * @param instances                     instances known (activated or reporting)
 * @param online                        instances whose agent is online
 * @param unknownPatchState             instances without a patch result yet
 * @param pendingOsUpdates              missing patches, summed over the instances
 * @param instancesWithPendingOsUpdates instances missing at least one patch
 * @param pendingAgentUpdates           instances whose SSM Agent is out of date
 * @param failedUpdates                 patches whose installation failed, summed
 * @param instancesWithFailedUpdates    instances with at least one failed patch
 * @param criticalNonCompliant          non-compliant critical patches, summed
 * @param lastRunSucceeded              instances whose last patching run succeeded
 * @param lastRunFailed                 instances whose last patching run failed
 */
public record AccountFigures(
        @Nullable String cloudAccountName,
        int instances,
        int online,
        int unknownPatchState,
        int pendingOsUpdates,
        int instancesWithPendingOsUpdates,
        int pendingAgentUpdates,
        int failedUpdates,
        int instancesWithFailedUpdates,
        int criticalNonCompliant,
        int lastRunSucceeded,
        int lastRunFailed) {

    /** No instances at all. */
    public static final AccountFigures EMPTY = new AccountFigures(null, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    /** The figures of one instance. */
    public static AccountFigures of(InstanceFigures instance) {
        boolean known = instance.patchStateKnown();
        return new AccountFigures(
                instance.cloudAccountName(),
                1,
                known && instance.online() ? 1 : 0,
                known ? 0 : 1,
                known ? instance.missing() : 0,
                known && instance.missing() > 0 ? 1 : 0,
                known && instance.agentOutdated() ? 1 : 0,
                known ? instance.failed() : 0,
                known && instance.failed() > 0 ? 1 : 0,
                known ? instance.criticalNonCompliant() : 0,
                known && "SUCCEEDED".equals(instance.lastRunOutcome()) ? 1 : 0,
                known && "FAILED".equals(instance.lastRunOutcome()) ? 1 : 0);
    }

    /** The figures of a set of instances. */
    public static AccountFigures sum(Iterable<InstanceFigures> instances) {
        AccountFigures total = EMPTY;
        for (InstanceFigures instance : instances) {
            total = total.plus(of(instance));
        }
        return total;
    }

    /** These figures and {@code other} together; the name is kept when only one side has one. */
    public AccountFigures plus(AccountFigures other) {
        return new AccountFigures(
                cloudAccountName != null ? cloudAccountName : other.cloudAccountName,
                instances + other.instances,
                online + other.online,
                unknownPatchState + other.unknownPatchState,
                pendingOsUpdates + other.pendingOsUpdates,
                instancesWithPendingOsUpdates + other.instancesWithPendingOsUpdates,
                pendingAgentUpdates + other.pendingAgentUpdates,
                failedUpdates + other.failedUpdates,
                instancesWithFailedUpdates + other.instancesWithFailedUpdates,
                criticalNonCompliant + other.criticalNonCompliant,
                lastRunSucceeded + other.lastRunSucceeded,
                lastRunFailed + other.lastRunFailed);
    }

    /** The same figures without an account name, for totals across accounts. */
    public AccountFigures withoutName() {
        return new AccountFigures(
                null,
                instances,
                online,
                unknownPatchState,
                pendingOsUpdates,
                instancesWithPendingOsUpdates,
                pendingAgentUpdates,
                failedUpdates,
                instancesWithFailedUpdates,
                criticalNonCompliant,
                lastRunSucceeded,
                lastRunFailed);
    }

    /** Share of last runs that succeeded, in [0, 1]; null when no instance ran yet. */
    public @Nullable Double runSuccessRate() {
        int runs = lastRunSucceeded + lastRunFailed;
        return runs == 0 ? null : (double) lastRunSucceeded / runs;
    }
}
