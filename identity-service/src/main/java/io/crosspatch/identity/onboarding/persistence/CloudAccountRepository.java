package io.crosspatch.identity.onboarding.persistence;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.BatchStatement;
import com.datastax.oss.driver.api.core.cql.DefaultBatchType;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.ResultSet;
import com.datastax.oss.driver.api.core.cql.Row;
import io.crosspatch.identity.onboarding.application.CloudAccounts;
import io.crosspatch.identity.onboarding.domain.CloudAccount;
import io.crosspatch.identity.onboarding.domain.OffboardedAccount;
import io.crosspatch.kernel.CloudAccountKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Repository;

/**
 * The onboarded cloud accounts, kept twice: by (provider, account) for the verifier's one-partition lookup and by
 * tenant for the admin listing. The row by account is the owner's title: it is taken with a lightweight transaction
 * ({@link #claim}) and its settings changed only under the condition that the owner is still the same tenant
 * ({@link #updateSettings}), so of two tenants onboarding one account at once exactly one gets it. The row by
 * tenant is written ({@link #listUnderTenant}) only by whoever holds the title, after taking it, so an account is
 * never listed under a tenant that does not own it.
 */
@Repository
public class CloudAccountRepository implements CloudAccounts {

    private static final String COLUMNS = "tenant_id, provider, cloud_account_id, display_name, default_patch_group, "
            + "aws_region, allowed_patch_groups, updated_at";

    private final CqlSession session;
    private final PreparedStatement claim;
    private final PreparedStatement updateSettings;
    private final PreparedStatement upsertByAccount;
    private final PreparedStatement upsertByTenant;
    private final PreparedStatement find;
    private final PreparedStatement byTenant;
    private final PreparedStatement remove;
    private final PreparedStatement removeFromTenant;
    private final PreparedStatement markOffboarded;
    private final PreparedStatement clearOffboarded;
    private final PreparedStatement offboarded;

    public CloudAccountRepository(CqlSession session) {
        this.session = session;
        this.claim = session.prepare(
                "INSERT INTO cloud_accounts (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?) IF NOT EXISTS");
        this.updateSettings = session.prepare("UPDATE cloud_accounts SET display_name = ?, default_patch_group = ?, "
                + "aws_region = ?, allowed_patch_groups = ?, updated_at = ? WHERE provider = ? AND cloud_account_id = ? "
                + "IF tenant_id = ?");
        this.upsertByAccount =
                session.prepare("INSERT INTO cloud_accounts (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
        this.upsertByTenant =
                session.prepare("INSERT INTO tenant_cloud_accounts (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
        this.find = session.prepare(
                "SELECT " + COLUMNS + " FROM cloud_accounts WHERE provider = ? AND cloud_account_id = ?");
        this.byTenant = session.prepare("SELECT " + COLUMNS + " FROM tenant_cloud_accounts WHERE tenant_id = ?");
        this.remove = session.prepare(
                "DELETE FROM cloud_accounts WHERE provider = ? AND cloud_account_id = ? IF tenant_id = ?");
        this.removeFromTenant = session.prepare(
                "DELETE FROM tenant_cloud_accounts WHERE tenant_id = ? AND provider = ? AND cloud_account_id = ?");
        this.markOffboarded = session.prepare("INSERT INTO offboarded_cloud_accounts (provider, cloud_account_id, "
                + "tenant_id, requested_by, offboarded_at, tenant_offboarded) VALUES (?, ?, ?, ?, ?, ?)");
        this.clearOffboarded =
                session.prepare("DELETE FROM offboarded_cloud_accounts WHERE provider = ? AND cloud_account_id = ?");
        this.offboarded = session.prepare("SELECT tenant_id, requested_by, offboarded_at, tenant_offboarded "
                + "FROM offboarded_cloud_accounts WHERE provider = ? AND cloud_account_id = ?");
    }

    /**
     * Onboards the account to its tenant unless it is onboarded already (a lightweight transaction).
     *
     * @return empty if this call onboarded it, else the tenant that holds it (possibly the same one)
     */
    @Override
    public Optional<String> claim(CloudAccount account) {
        ResultSet result = session.execute(claim.bind(values(account)));
        return result.wasApplied() ? Optional.empty() : Optional.of(result.one().getString("tenant_id"));
    }

    /** Replaces the account's settings if it is still {@code account.tenantId()}'s; answers whether it was. */
    @Override
    public boolean updateSettings(CloudAccount account) {
        return session.execute(updateSettings.bind(
                        account.displayName(),
                        account.defaultPatchGroup(),
                        account.awsRegion(),
                        account.allowedPatchGroups(),
                        account.updatedAt(),
                        account.provider(),
                        account.cloudAccountId(),
                        account.tenantId()))
                .wasApplied();
    }

    /** Writes the account into its tenant's listing; only for the tenant that {@link #claim claimed} it. */
    @Override
    public void listUnderTenant(CloudAccount account) {
        session.execute(upsertByTenant.bind(values(account)));
    }

    /**
     * Writes both rows unconditionally, whoever held the account: for seeding a keyspace (tests, benchmarks), never
     * for onboarding, which goes through {@link #claim}.
     */
    public void save(CloudAccount account) {
        Object[] values = values(account);
        session.execute(BatchStatement.newInstance(
                DefaultBatchType.LOGGED, upsertByAccount.bind(values), upsertByTenant.bind(values)));
    }

    @Override
    public Optional<CloudAccount> find(CloudAccountKey key) {
        return Optional.ofNullable(session.execute(find.bind(key.provider().wireName(), key.cloudAccountId()))
                        .one())
                .map(CloudAccountRepository::account);
    }

    @Override
    public List<CloudAccount> ofTenant(String tenantId) {
        List<CloudAccount> accounts = new ArrayList<>();
        session.execute(byTenant.bind(tenantId)).forEach(row -> accounts.add(account(row)));
        return accounts;
    }

    @Override
    public boolean remove(CloudAccount account) {
        boolean removed = session.execute(remove.bind(account.provider(), account.cloudAccountId(), account.tenantId()))
                .wasApplied();
        if (removed) {
            session.execute(removeFromTenant.bind(account.tenantId(), account.provider(), account.cloudAccountId()));
        }
        return removed;
    }

    @Override
    public void markOffboarded(OffboardedAccount account) {
        session.execute(markOffboarded.bind(
                account.key().provider().wireName(),
                account.key().cloudAccountId(),
                account.tenantId(),
                account.requestedBy(),
                account.offboardedAt(),
                account.tenantOffboarded()));
    }

    @Override
    public void clearOffboarded(CloudAccountKey key) {
        session.execute(clearOffboarded.bind(key.provider().wireName(), key.cloudAccountId()));
    }

    @Override
    public Optional<OffboardedAccount> offboarded(CloudAccountKey key) {
        return Optional.ofNullable(
                        session.execute(offboarded.bind(key.provider().wireName(), key.cloudAccountId()))
                                .one())
                .map(row -> new OffboardedAccount(
                        key,
                        row.getString("tenant_id"),
                        row.getString("requested_by"),
                        row.getInstant("offboarded_at"),
                        row.getBoolean("tenant_offboarded")));
    }

    private static Object[] values(CloudAccount account) {
        return new Object[] {
            account.tenantId(),
            account.provider(),
            account.cloudAccountId(),
            account.displayName(),
            account.defaultPatchGroup(),
            account.awsRegion(),
            account.allowedPatchGroups(),
            account.updatedAt()
        };
    }

    private static CloudAccount account(Row row) {
        return new CloudAccount(
                row.getString("provider"),
                row.getString("cloud_account_id"),
                row.getString("tenant_id"),
                row.getString("display_name"),
                row.getString("default_patch_group"),
                row.getString("aws_region"),
                row.getSet("allowed_patch_groups", String.class),
                row.getInstant("updated_at"));
    }
}
