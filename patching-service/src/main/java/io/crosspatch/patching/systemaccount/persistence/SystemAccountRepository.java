package io.crosspatch.patching.systemaccount.persistence;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import io.crosspatch.kernel.CloudAccountKey;
import io.crosspatch.patching.systemaccount.application.AccountLedger;
import io.crosspatch.patching.systemaccount.application.KnownAccounts;
import io.crosspatch.patching.systemaccount.domain.KnownAccount;
import io.crosspatch.patching.systemaccount.domain.SystemAccountRef;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Repository;

/**
 * The {@code system_accounts} table: every system account patching-service works in, its custom patch groups
 * (added to, never overwritten: a set column), the desired-state hash last applied and the owning tenant. The cloud account key is
 * stored in its {@code <provider>:<id>} form.
 */
@Repository
public class SystemAccountRepository implements KnownAccounts, AccountLedger {

    private static final Logger log = LoggerFactory.getLogger(SystemAccountRepository.class);

    private final CqlSession session;
    private final PreparedStatement upsert;
    private final PreparedStatement find;
    private final PreparedStatement all;
    private final PreparedStatement applied;
    private final PreparedStatement delete;
    private final PreparedStatement deleteActivations;
    private final PreparedStatement deleteNodes;

    public SystemAccountRepository(CqlSession session) {
        this.session = session;
        this.upsert = session.prepare(
                "UPDATE system_accounts SET region = ?, role_arn = ?, ssm_service_role_name = ?, "
                        + "cloud_account_key = ?, tenant_id = ?, custom_groups = custom_groups + ? WHERE system_account_id = ?");
        this.find = session.prepare("SELECT * FROM system_accounts WHERE system_account_id = ?");
        this.all = session.prepare("SELECT * FROM system_accounts");
        this.delete = session.prepare("DELETE FROM system_accounts WHERE system_account_id = ?");
        this.deleteActivations = session.prepare("DELETE FROM activations_by_account WHERE system_account_id = ?");
        this.deleteNodes = session.prepare("DELETE FROM nodes_by_account WHERE system_account_id = ?");
        // IF EXISTS: a reconcile that finishes after offboarding unscheduled the account must not bring back a row
        // without its region and role (which would break every schedule's list of accounts)
        this.applied = session.prepare("UPDATE system_accounts SET applied_desired_state_hash = ?, reconciled_at = ? "
                + "WHERE system_account_id = ? IF EXISTS");
    }

    @Override
    public KnownAccount remember(
            SystemAccountRef account, CloudAccountKey cloudAccountKey, String tenantId, Set<String> customGroups) {
        session.execute(upsert.bind(
                account.region(),
                account.roleArn(),
                account.ssmServiceRoleName(),
                cloudAccountKey.toString(),
                tenantId,
                customGroups,
                account.accountId()));
        return find(account.accountId()).orElseThrow();
    }

    @Override
    public Optional<KnownAccount> find(String accountId) {
        return Optional.ofNullable(session.execute(find.bind(accountId)).one()).map(SystemAccountRepository::known);
    }

    /** Every known account; the table holds one small row per system account. */
    @Override
    public List<KnownAccount> all() {
        List<KnownAccount> accounts = new ArrayList<>();
        for (Row row : session.execute(all.bind())) {
            if (row.getString("region") == null || row.getString("role_arn") == null) {
                // a partial row (a write that raced the account's removal): not an account to look after
                log.warn(
                        "system account {} has no region or role recorded; skipped",
                        row.getString("system_account_id"));
                continue;
            }
            accounts.add(known(row));
        }
        return accounts;
    }

    @Override
    public void unschedule(String accountId) {
        session.execute(delete.bind(accountId));
    }

    @Override
    public void forget(String accountId) {
        session.execute(delete.bind(accountId));
        session.execute(deleteActivations.bind(accountId));
        session.execute(deleteNodes.bind(accountId));
    }

    @Override
    public void markApplied(String accountId, String desiredStateHash, Instant at) {
        session.execute(applied.bind(desiredStateHash, at, accountId));
    }

    private static KnownAccount known(Row row) {
        return new KnownAccount(
                new SystemAccountRef(
                        row.getString("system_account_id"),
                        row.getString("region"),
                        row.getString("role_arn"),
                        row.getString("ssm_service_role_name")),
                CloudAccountKey.parse(row.getString("cloud_account_key")),
                row.getSet("custom_groups", String.class),
                Optional.ofNullable(row.getString("applied_desired_state_hash")),
                Optional.ofNullable(row.getString("tenant_id")));
    }
}
