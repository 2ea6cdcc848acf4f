package io.crosspatch.patching.retirement.persistence;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.ResultSet;
import com.datastax.oss.driver.api.core.cql.Row;
import io.crosspatch.kernel.CloudProvider;
import io.crosspatch.patching.retirement.application.RetirementStore;
import io.crosspatch.patching.retirement.domain.Retirement;
import io.crosspatch.patching.retirement.domain.RetirementReason;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.stereotype.Repository;

/**
 * The {@code retirements} table: a lightweight transaction claims an enrollment's retirement once, and the row
 * answers later claims (with the first claim's event id and time) and lists the account's unfinished ones.
 */
@Repository
class RetirementRepository implements RetirementStore {

    private final CqlSession session;
    private final PreparedStatement claim;
    private final PreparedStatement published;
    private final PreparedStatement ofAccount;

    RetirementRepository(CqlSession session) {
        this.session = session;
        this.claim = session.prepare(
                "INSERT INTO retirements (system_account_id, enrollment_id, tenant_id, provider, "
                        + "cloud_account_id, instance_id, managed_instance_id, activation_id, reason, requested_by, request_id, "
                        + "event_id, retired_at, published) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, false) IF NOT EXISTS");
        this.published = session.prepare(
                "UPDATE retirements SET published = true WHERE system_account_id = ? AND enrollment_id = ?");
        this.ofAccount = session.prepare("SELECT * FROM retirements WHERE system_account_id = ?");
    }

    @Override
    public Claim claim(Retirement retirement) {
        ResultSet result = session.execute(claim.bind(
                retirement.systemAccountId(),
                retirement.enrollmentId(),
                retirement.tenantId(),
                retirement.provider().name(),
                retirement.cloudAccountId(),
                retirement.instanceId(),
                retirement.managedInstanceId().orElse(null),
                retirement.activationId().orElse(null),
                retirement.reason().name(),
                retirement.requestedBy().orElse(null),
                retirement.requestId().orElse(null),
                retirement.eventId(),
                retirement.retiredAt()));
        if (result.wasApplied()) {
            return new Claim(retirement, true, false);
        }
        Row existing = Objects.requireNonNull(result.one(), "a refused claim answers the existing row");
        return new Claim(retirement(existing), false, existing.getBoolean("published"));
    }

    @Override
    public void markPublished(String systemAccountId, String enrollmentId) {
        session.execute(published.bind(systemAccountId, enrollmentId));
    }

    @Override
    public List<Retirement> unfinished(String systemAccountId) {
        List<Retirement> unfinished = new ArrayList<>();
        for (Row row : session.execute(ofAccount.bind(systemAccountId))) {
            if (!row.getBoolean("published")) {
                unfinished.add(retirement(row));
            }
        }
        return unfinished;
    }

    private static Retirement retirement(Row row) {
        return new Retirement(
                Objects.requireNonNull(row.getString("system_account_id")),
                Objects.requireNonNull(row.getString("enrollment_id")),
                Objects.requireNonNull(row.getString("tenant_id")),
                CloudProvider.parse(Objects.requireNonNull(row.getString("provider"))),
                Objects.requireNonNull(row.getString("cloud_account_id")),
                Objects.requireNonNull(row.getString("instance_id")),
                Optional.ofNullable(row.getString("managed_instance_id")),
                Optional.ofNullable(row.getString("activation_id")),
                RetirementReason.valueOf(row.getString("reason")),
                Optional.ofNullable(row.getString("requested_by")),
                Optional.ofNullable(row.getString("request_id")),
                Objects.requireNonNull(row.getUuid("event_id")),
                Objects.requireNonNull(row.getInstant("retired_at")));
    }
}
