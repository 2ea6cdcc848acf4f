package io.crosspatch.patching.systemaccount.application;

import io.crosspatch.patching.systemaccount.domain.KnownAccount;
import io.crosspatch.servicekit.ownership.OwnedPartitions;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * The known system accounts this instance looks after on a schedule: those whose cloud account key falls in an
 * {@code account.ready} partition this instance owns ({@link OwnedPartitions}).
 */
@Service
public class OwnedAccounts {

    private final AccountLedger accounts;
    private final OwnedPartitions ownership;

    public OwnedAccounts(AccountLedger accounts, OwnedPartitions ownership) {
        this.accounts = accounts;
        this.ownership = ownership;
    }

    public List<KnownAccount> list() {
        return accounts.all().stream()
                .filter(account -> ownership.owns(account.cloudAccountKey().toString()))
                .toList();
    }
}
