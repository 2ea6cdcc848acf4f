package io.crosspatch.identity.onboarding.application;

import io.crosspatch.identity.onboarding.domain.CloudAccount;
import io.crosspatch.identity.onboarding.domain.OffboardedAccount;
import io.crosspatch.kernel.CloudAccountKey;
import java.util.Optional;

/**
 * Which tenant a cloud account is onboarded to, and with which settings: all other features need to know of
 * onboarding (the verifier maps a proven identity to its tenant through it), so they depend on this and not on how
 * accounts are stored or onboarded.
 */
public interface CloudAccountDirectory {

    Optional<CloudAccount> find(CloudAccountKey key);

    /** Whether, and by whom, the account was offboarded and not onboarded again since. */
    Optional<OffboardedAccount> offboarded(CloudAccountKey key);
}
