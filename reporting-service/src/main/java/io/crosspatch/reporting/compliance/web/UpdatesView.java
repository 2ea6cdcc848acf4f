package io.crosspatch.reporting.compliance.web;

import io.crosspatch.reporting.compliance.domain.PatchUpdate;
import io.crosspatch.reporting.compliance.persistence.InstanceUpdatesRow;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * {@code GET /v1/tenants/{tenantId}/instances/{instanceId}/updates}: the seed's figure 12 for one instance.
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
public record UpdatesView(String instanceId, String provider, String cloudAccountId, String cloudAccountName,
        String hostname, String managedInstanceId, String operatingSystem, String patchGroup,
        String activationStage, boolean patchStateKnown, Instant stateObservedAt, List<Update> updates) {

    static UpdatesView of(InstanceUpdatesRow row) {
        return new UpdatesView(row.instanceId(), row.provider().toLowerCase(Locale.ROOT), row.cloudAccountId(),
                row.cloudAccountName(), row.hostname(), row.managedInstanceId(), row.operatingSystem(),
                row.patchGroup(), row.activationStage(), row.stateObservedAt() != null, row.stateObservedAt(),
                row.updates().stream().map(Update::of).toList());
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
    public record Update(String installStatus, String description, String classification, String name,
            String severity, Instant installedAt, List<String> cveIds) {

        static Update of(PatchUpdate patch) {
            return new Update(patch.state(), patch.title(), patch.classification(), patch.patchId(),
                    patch.severity(), patch.installedAt(), patch.cveIds());
        }
    }
}
