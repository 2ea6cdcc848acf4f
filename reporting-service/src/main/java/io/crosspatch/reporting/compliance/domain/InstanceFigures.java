package io.crosspatch.reporting.compliance.domain;

/**
 * What one instance contributes to its account's figures: the few columns of its stored row that the
 * summary adds up.
 *
 * @param cloudAccountName     the account's display name as the instance's last state carried it, may be null
 * @param patchStateKnown      whether a patch result arrived yet (false for an activated instance)
 * @param online               whether the agent is online
 * @param missing              pending OS updates
 * @param agentOutdated        whether a newer SSM Agent is available
 * @param failed               patches whose installation failed
 * @param criticalNonCompliant non-compliant critical patches
 * @param lastRunOutcome       {@code SUCCEEDED}, {@code FAILED} or null before the first run
 */
public record InstanceFigures(
        String cloudAccountName,
        boolean patchStateKnown,
        boolean online,
        int missing,
        boolean agentOutdated,
        int failed,
        int criticalNonCompliant,
        String lastRunOutcome) {}
