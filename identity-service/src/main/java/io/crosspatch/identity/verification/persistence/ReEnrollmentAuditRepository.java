package io.crosspatch.identity.verification.persistence;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import io.crosspatch.identity.verification.application.ReEnrollmentAudit;
import io.crosspatch.identity.verification.domain.ReEnrollment;
import io.crosspatch.kernel.CloudProvider;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Repository;

/** The audit trail of re-enrollments, newest first per instance. Rows are never updated or deleted. */
@Repository
public class ReEnrollmentAuditRepository implements ReEnrollmentAudit {

    private final CqlSession session;
    private final PreparedStatement insert;
    private final PreparedStatement ofInstance;

    public ReEnrollmentAuditRepository(CqlSession session) {
        this.session = session;
        this.insert = session.prepare(
                "INSERT INTO re_enrollment_audit (provider, cloud_account_id, instance_id, released_at, "
                        + "tenant_id, released_by, reason, previous_enrollment_ids) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
        this.ofInstance = session.prepare("SELECT tenant_id, released_at, released_by, reason, previous_enrollment_ids "
                + "FROM re_enrollment_audit WHERE provider = ? AND cloud_account_id = ? AND instance_id = ?");
    }

    @Override
    public void record(ReEnrollment entry) {
        session.execute(insert.bind(
                entry.provider().wireName(),
                entry.cloudAccountId(),
                entry.instanceId(),
                entry.releasedAt(),
                entry.tenantId(),
                entry.releasedBy(),
                entry.reason(),
                entry.previousEnrollmentIds()));
    }

    @Override
    public List<ReEnrollment> ofInstance(CloudProvider provider, String cloudAccountId, String instanceId) {
        List<ReEnrollment> entries = new ArrayList<>();
        session.execute(ofInstance.bind(provider.wireName(), cloudAccountId, instanceId))
                .forEach(row -> entries.add(new ReEnrollment(
                        row.getString("tenant_id"),
                        provider,
                        cloudAccountId,
                        instanceId,
                        row.getInstant("released_at"),
                        row.getString("released_by"),
                        row.getString("reason"),
                        row.getList("previous_enrollment_ids", String.class))));
        return entries;
    }
}
