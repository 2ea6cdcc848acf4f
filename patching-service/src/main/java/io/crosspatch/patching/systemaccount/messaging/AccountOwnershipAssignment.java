package io.crosspatch.patching.systemaccount.messaging;

import io.crosspatch.kernel.CloudAccountKey;
import io.crosspatch.patching.systemaccount.application.AccountAssignment;
import org.springframework.stereotype.Component;

/** Answers {@link AccountAssignment} from the {@code account.ready} partitions this instance holds. */
@Component
class AccountOwnershipAssignment implements AccountAssignment {

    private final AccountOwnership ownership;

    AccountOwnershipAssignment(AccountOwnership ownership) {
        this.ownership = ownership;
    }

    @Override
    public boolean isAssignedHere(CloudAccountKey cloudAccountKey) {
        return ownership.owns(cloudAccountKey.toString());
    }
}
