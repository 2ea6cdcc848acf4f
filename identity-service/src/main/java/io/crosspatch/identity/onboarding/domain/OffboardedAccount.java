package io.crosspatch.identity.onboarding.domain;

import io.crosspatch.kernel.CloudAccountKey;
import java.time.Instant;
import java.util.Objects;

/**
 * A cloud account an admin offboarded from its tenant: none of its VMs may enroll any more, and everything Crosspatch
 * set up for it is being removed. It stays so until the account is onboarded again (to the same or another tenant).
 *
 * @param key              the offboarded cloud account
 * @param tenantId         the tenant it belonged to
 * @param requestedBy      the subject of the admin token that asked (audit)
 * @param offboardedAt     when it was first offboarded; a repeated request keeps it
 * @param tenantOffboarded whether it left with its whole tenant
 */
public record OffboardedAccount(
        CloudAccountKey key, String tenantId, String requestedBy, Instant offboardedAt, boolean tenantOffboarded) {

    public OffboardedAccount {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(requestedBy, "requestedBy");
        Objects.requireNonNull(offboardedAt, "offboardedAt");
    }
}
