package io.crosspatch.patching.systemaccount.application;

import io.crosspatch.patching.systemaccount.domain.KnownAccount;
import java.util.List;
import org.springframework.stereotype.Service;

/** The known system accounts this instance looks after on a schedule (see {@link AccountAssignment}). */
@Service
public class OwnedAccounts {

    private final AccountLedger accounts;
    private final AccountAssignment assignment;

    public OwnedAccounts(AccountLedger accounts, AccountAssignment assignment) {
        this.accounts = accounts;
        this.assignment = assignment;
    }

    public List<KnownAccount> list() {
        return accounts.all().stream().filter(account -> assignment.isAssignedHere(account.cloudAccountKey())).toList();
    }
}
