package io.crosspatch.patching.systemaccount.persistence;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import io.crosspatch.kernel.CloudAccountKey;
import io.crosspatch.patching.systemaccount.application.ReleasedSystemAccounts;
import java.time.Instant;
import org.springframework.stereotype.Repository;

/** The {@code released_system_accounts} table: one row per released system account, read by key. */
@Repository
class ReleasedSystemAccountRepository implements ReleasedSystemAccounts {

    private final CqlSession session;
    private final PreparedStatement insert;
    private final PreparedStatement find;

    public ReleasedSystemAccountRepository(CqlSession session) {
        this.session = session;
        this.insert = session.prepare("INSERT INTO released_system_accounts (system_account_id, cloud_account_key, "
                + "released_at) VALUES (?, ?, ?)");
        this.find =
                session.prepare("SELECT system_account_id FROM released_system_accounts WHERE system_account_id = ?");
    }

    @Override
    public void markReleased(String accountId, CloudAccountKey cloudAccountKey, Instant at) {
        session.execute(insert.bind(accountId, cloudAccountKey.toString(), at));
    }

    @Override
    public boolean isReleased(String accountId) {
        return session.execute(find.bind(accountId)).one() != null;
    }
}
