package io.crosspatch.identity.onboarding.persistence;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.BatchStatement;
import com.datastax.oss.driver.api.core.cql.DefaultBatchType;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import io.crosspatch.identity.onboarding.domain.CloudAccount;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Repository;

/**
 * The onboarded cloud accounts, kept twice: by (provider, account) for the verifier's one-partition lookup and by
 * tenant for the admin listing. Both rows are written in one logged batch so they never disagree for long.
 */
@Repository
public class CloudAccountRepository {

    private static final String COLUMNS = "tenant_id, provider, cloud_account_id, display_name, default_patch_group, "
            + "aws_region, allowed_patch_groups, updated_at";

    private final CqlSession session;
    private final PreparedStatement upsertByAccount;
    private final PreparedStatement upsertByTenant;
    private final PreparedStatement find;
    private final PreparedStatement byTenant;

    public CloudAccountRepository(CqlSession session) {
        this.session = session;
        this.upsertByAccount = session.prepare("INSERT INTO cloud_accounts (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
        this.upsertByTenant = session.prepare("INSERT INTO tenant_cloud_accounts (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
        this.find = session.prepare("SELECT " + COLUMNS + " FROM cloud_accounts WHERE provider = ? AND cloud_account_id = ?");
        this.byTenant = session.prepare("SELECT " + COLUMNS + " FROM tenant_cloud_accounts WHERE tenant_id = ?");
    }

    /** Onboards the account or replaces its settings (idempotent). */
    public void save(CloudAccount account) {
        Object[] values = {account.tenantId(), account.provider(), account.cloudAccountId(), account.displayName(),
                account.defaultPatchGroup(), account.awsRegion(), account.allowedPatchGroups(), account.updatedAt()};
        session.execute(BatchStatement.newInstance(DefaultBatchType.LOGGED,
                upsertByAccount.bind(values), upsertByTenant.bind(values)));
    }

    /** @param provider lower-case provider name as in the cloud account key ({@code gcp}, {@code azure}, …) */
    public Optional<CloudAccount> find(String provider, String cloudAccountId) {
        return Optional.ofNullable(session.execute(find.bind(provider, cloudAccountId)).one()).map(CloudAccountRepository::account);
    }

    public List<CloudAccount> ofTenant(String tenantId) {
        List<CloudAccount> accounts = new ArrayList<>();
        session.execute(byTenant.bind(tenantId)).forEach(row -> accounts.add(account(row)));
        return accounts;
    }

    private static CloudAccount account(Row row) {
        return new CloudAccount(row.getString("provider"), row.getString("cloud_account_id"), row.getString("tenant_id"),
                row.getString("display_name"), row.getString("default_patch_group"), row.getString("aws_region"),
                row.getSet("allowed_patch_groups", String.class), row.getInstant("updated_at"));
    }
}
