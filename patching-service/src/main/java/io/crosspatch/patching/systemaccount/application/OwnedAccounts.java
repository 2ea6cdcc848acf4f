package io.crosspatch.patching.systemaccount.application;

import io.crosspatch.patching.systemaccount.domain.KnownAccount;
import io.crosspatch.patching.systemaccount.messaging.AccountOwnership;
import io.crosspatch.patching.systemaccount.persistence.SystemAccountRepository;
import java.util.List;
import org.springframework.stereotype.Service;

/** The known system accounts this instance looks after on a schedule (see {@link AccountOwnership}). */
@Service
public class OwnedAccounts {

    private final SystemAccountRepository accounts;
    private final AccountOwnership ownership;

    public OwnedAccounts(SystemAccountRepository accounts, AccountOwnership ownership) {
        this.accounts = accounts;
        this.ownership = ownership;
    }

    public List<KnownAccount> list() {
        return accounts.all().stream().filter(account -> ownership.owns(account.cloudAccountKey())).toList();
    }
}
