package io.crosspatch.reporting.compliance.web;

import io.crosspatch.reporting.compliance.application.InstanceListing;
import io.crosspatch.reporting.compliance.application.InstanceUpdates;
import io.crosspatch.reporting.compliance.domain.PatchUpdate;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * {@code GET /v1/tenants/{tenantId}/instances/{instanceId}/updates}: every update SSM reports for one instance.
 *
 * @param instanceId        the provider's instance id
 * @param provider          provider, lower case
 * @param cloudAccountId    cloud account
 * @param cloudAccountName  its display name, may be null
 * @param hostname          computer name
 * @param managedInstanceId SSM managed node id
 * @param operatingSystem   the OS whose baseline applies
 * @param patchGroup        patch group
 * @param activationStage   how far enrollment got, when known
 * @param patchStateKnown   false until the first patch result
 * @param stateObservedAt   when SSM reported this list
 * @param updates           the updates
 */
record UpdatesView(
        String instanceId,
        String provider,
        String cloudAccountId,
        String cloudAccountName,
        String hostname,
        String managedInstanceId,
        String operatingSystem,
        String patchGroup,
        String activationStage,
        boolean patchStateKnown,
        Instant stateObservedAt,
        List<Update> updates) {

    static UpdatesView of(InstanceUpdates instance) {
        InstanceListing.Node node = instance.node();
        InstanceListing.Setup setup = instance.setup();
        return new UpdatesView(
                node.instanceId(),
                node.account().provider().wireName(),
                node.account().cloudAccountId(),
                node.cloudAccountName(),
                node.hostname(),
                node.managedInstanceId(),
                setup.operatingSystem(),
                setup.patchGroup(),
                setup.activationStage(),
                instance.stateObservedAt() != null,
                instance.stateObservedAt(),
                instance.updates().stream().map(Update::of).toList());
    }

    /**
     * One update.
     *
     * @param installStatus  SSM's state: {@code INSTALLED}, {@code MISSING}, {@code FAILED}, …
     * @param description    the update's title
     * @param classification e.g. {@code SecurityUpdates}
     * @param name           KB id or package/advisory id
     * @param severity       vendor severity
     * @param installedAt    when it was installed, absent unless installed
     * @param cveIds         CVE ids it fixes
     */
    public record Update(
            String installStatus,
            String description,
            String classification,
            String name,
            String severity,
            @Nullable Instant installedAt,
            List<String> cveIds) {

        static Update of(PatchUpdate patch) {
            return new Update(
                    patch.state(),
                    patch.title(),
                    patch.classification(),
                    patch.patchId(),
                    patch.severity(),
                    patch.installedAt(),
                    patch.cveIds());
        }
    }
}
