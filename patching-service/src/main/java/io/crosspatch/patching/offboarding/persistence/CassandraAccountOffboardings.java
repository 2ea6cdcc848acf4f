package io.crosspatch.patching.offboarding.persistence;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import io.crosspatch.kernel.CloudAccountKey;
import io.crosspatch.patching.offboarding.application.AccountOffboardings;
import io.crosspatch.patching.offboarding.domain.AccountOffboarding;
import io.crosspatch.patching.offboarding.domain.OffboardingStep;
import io.crosspatch.patching.systemaccount.domain.SystemAccountRef;
import java.util.List;
import org.springframework.stereotype.Repository;

/** The {@code account_offboardings} table: one partition per cloud account, one row per system account. */
@Repository
class CassandraAccountOffboardings implements AccountOffboardings {

    private static final String COLUMNS = "cloud_account_key, system_account_id, tenant_id, region, role_arn, "
            + "ssm_service_role_name, step, offboarded_at, updated_at";

    private final CqlSession session;
    private final PreparedStatement open;
    private final PreparedStatement save;
    private final PreparedStatement of;
    private final PreparedStatement all;

    public CassandraAccountOffboardings(CqlSession session) {
        this.session = session;
        String values = " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
        this.open = session.prepare("INSERT INTO account_offboardings (" + COLUMNS + ")" + values + " IF NOT EXISTS");
        this.save = session.prepare("INSERT INTO account_offboardings (" + COLUMNS + ")" + values);
        this.of = session.prepare("SELECT " + COLUMNS + " FROM account_offboardings WHERE cloud_account_key = ?");
        this.all = session.prepare("SELECT " + COLUMNS + " FROM account_offboardings");
    }

    @Override
    public boolean open(AccountOffboarding offboarding) {
        return session.execute(open.bind(values(offboarding))).wasApplied();
    }

    @Override
    public void save(AccountOffboarding offboarding) {
        session.execute(save.bind(values(offboarding)));
    }

    @Override
    public List<AccountOffboarding> of(CloudAccountKey cloudAccountKey) {
        return session.execute(of.bind(cloudAccountKey.toString())).all().stream()
                .map(CassandraAccountOffboardings::offboarding)
                .toList();
    }

    /** The whole table: one small row per system account ever offboarded. */
    @Override
    public List<AccountOffboarding> unfinished() {
        return session.execute(all.bind()).all().stream()
                .map(CassandraAccountOffboardings::offboarding)
                .filter(offboarding -> !offboarding.step().done())
                .toList();
    }

    private static Object[] values(AccountOffboarding o) {
        return new Object[] {
            o.cloudAccountKey().toString(),
            o.account().accountId(),
            o.tenantId(),
            o.account().region(),
            o.account().roleArn(),
            o.account().ssmServiceRoleName(),
            o.step().name(),
            o.offboardedAt(),
            o.updatedAt()
        };
    }

    private static AccountOffboarding offboarding(Row row) {
        return new AccountOffboarding(
                CloudAccountKey.parse(row.getString("cloud_account_key")),
                row.getString("tenant_id"),
                new SystemAccountRef(
                        row.getString("system_account_id"),
                        row.getString("region"),
                        row.getString("role_arn"),
                        row.getString("ssm_service_role_name")),
                OffboardingStep.valueOf(row.getString("step")),
                row.getInstant("offboarded_at"),
                row.getInstant("updated_at"));
    }
}
