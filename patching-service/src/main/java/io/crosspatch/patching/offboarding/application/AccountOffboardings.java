package io.crosspatch.patching.offboarding.application;

import io.crosspatch.kernel.CloudAccountKey;
import io.crosspatch.patching.offboarding.domain.AccountOffboarding;
import java.util.List;

/** The offboarding progress, per cloud account and system account. */
public interface AccountOffboardings {

    /** Records a new offboarding unless one of that system account exists; true when this call recorded it. */
    boolean open(AccountOffboarding offboarding);

    /** Records the step reached (only the owner of the cloud account's partition advances it). */
    void save(AccountOffboarding offboarding);

    List<AccountOffboarding> of(CloudAccountKey cloudAccountKey);

    /** Every offboarding not yet done, for the driver that resumes them. */
    List<AccountOffboarding> unfinished();
}
