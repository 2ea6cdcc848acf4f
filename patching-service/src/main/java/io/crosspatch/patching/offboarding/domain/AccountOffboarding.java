package io.crosspatch.patching.offboarding.domain;

import io.crosspatch.kernel.CloudAccountKey;
import io.crosspatch.patching.systemaccount.domain.SystemAccountRef;
import java.time.Instant;
import java.util.Objects;

/**
 * The offboarding of one system account of an offboarded cloud account, and how far it got. Immutable.
 *
 * @param cloudAccountKey the offboarded cloud account
 * @param tenantId        its tenant until now
 * @param account         the system account being emptied
 * @param step            the last step done
 * @param offboardedAt    when the admin offboarded the cloud account
 * @param updatedAt       when the progress last changed
 */
public record AccountOffboarding(
        CloudAccountKey cloudAccountKey,
        String tenantId,
        SystemAccountRef account,
        OffboardingStep step,
        Instant offboardedAt,
        Instant updatedAt) {

    public AccountOffboarding {
        Objects.requireNonNull(cloudAccountKey, "cloudAccountKey");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(step, "step");
    }

    public AccountOffboarding advancedTo(OffboardingStep next, Instant now) {
        return new AccountOffboarding(cloudAccountKey, tenantId, account, next, offboardedAt, now);
    }
}
