package io.crosspatch.reporting.compliance.web;

import io.crosspatch.kernel.CloudAccountKey;
import io.crosspatch.reporting.compliance.domain.AccountFigures;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * {@code GET /v1/tenants/{tenantId}/summary}: the compliance summary: one row per provider and cloud account,
 * and the totals.
 *
 * @param tenantId the tenant
 * @param accounts one row per cloud account
 * @param totals   the sums over all accounts
 */
record SummaryView(String tenantId, List<AccountRow> accounts, Figures totals) {

    /**
     * One cloud account's row.
     *
     * @param provider         provider, lower case as in the cloud account key
     * @param cloudAccountId   the cloud account
     * @param cloudAccountName its display name (the id when no name is known)
     * @param figures          its figures
     */
    public record AccountRow(String provider, String cloudAccountId, String cloudAccountName, Figures figures) {

        static AccountRow of(CloudAccountKey account, AccountFigures figures) {
            String cloudAccountId = account.cloudAccountId();
            return new AccountRow(
                    account.provider().wireName(),
                    cloudAccountId,
                    figures.cloudAccountName() == null ? cloudAccountId : figures.cloudAccountName(),
                    Figures.of(figures));
        }
    }

    /**
     * The figures of a set of instances.
     *
     * @param instances                     instances known (activated or reporting)
     * @param online                        instances whose SSM Agent is online
     * @param unknownPatchState             activated instances without a patch result yet
     * @param pendingOsUpdates              missing patches, summed
     * @param instancesWithPendingOsUpdates instances missing at least one patch
     * @param pendingAgentUpdates           instances whose SSM Agent is out of date
     * @param failedUpdates                 patches whose installation failed, summed
     * @param instancesWithFailedUpdates    instances with a failed patch
     * @param criticalNonCompliant          non-compliant critical patches, summed
     * @param lastRun                       outcome of the instances' last patching run
     */
    public record Figures(
            int instances,
            int online,
            int unknownPatchState,
            int pendingOsUpdates,
            int instancesWithPendingOsUpdates,
            int pendingAgentUpdates,
            int failedUpdates,
            int instancesWithFailedUpdates,
            int criticalNonCompliant,
            LastRun lastRun) {

        static Figures of(AccountFigures figures) {
            return new Figures(
                    figures.instances(),
                    figures.online(),
                    figures.unknownPatchState(),
                    figures.pendingOsUpdates(),
                    figures.instancesWithPendingOsUpdates(),
                    figures.pendingAgentUpdates(),
                    figures.failedUpdates(),
                    figures.instancesWithFailedUpdates(),
                    figures.criticalNonCompliant(),
                    new LastRun(figures.lastRunSucceeded(), figures.lastRunFailed(), figures.runSuccessRate()));
        }
    }

    /**
     * Last-run success.
     *
     * @param succeeded   instances whose last run succeeded
     * @param failed      instances whose last run failed
     * @param successRate succeeded / (succeeded + failed), null when none ran
     */
    public record LastRun(
            int succeeded, int failed, @Nullable Double successRate) {}
}
