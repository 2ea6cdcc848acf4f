package io.crosspatch.identity.verification.persistence;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import io.crosspatch.identity.verification.application.RetirementAudit;
import io.crosspatch.identity.verification.domain.RetirementRequest;
import io.crosspatch.kernel.CloudProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.springframework.stereotype.Repository;

/** The audit trail of retirement requests ({@code instance_retirement_audit}), newest first per instance. */
@Repository
public class RetirementAuditRepository implements RetirementAudit {

    private final CqlSession session;
    private final PreparedStatement insert;
    private final PreparedStatement ofInstance;

    public RetirementAuditRepository(CqlSession session) {
        this.session = session;
        this.insert = session.prepare("INSERT INTO instance_retirement_audit (provider, cloud_account_id, instance_id, "
                + "requested_at, request_id, tenant_id, requested_by, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
        this.ofInstance = session.prepare("SELECT requested_at, request_id, tenant_id, requested_by, reason "
                + "FROM instance_retirement_audit WHERE provider = ? AND cloud_account_id = ? AND instance_id = ?");
    }

    @Override
    public void record(RetirementRequest request) {
        session.execute(insert.bind(
                request.provider().wireName(),
                request.cloudAccountId(),
                request.instanceId(),
                request.requestedAt(),
                request.requestId(),
                request.tenantId(),
                request.requestedBy(),
                request.reason()));
    }

    @Override
    public List<RetirementRequest> ofInstance(CloudProvider provider, String cloudAccountId, String instanceId) {
        List<RetirementRequest> entries = new ArrayList<>();
        session.execute(ofInstance.bind(provider.wireName(), cloudAccountId, instanceId))
                .forEach(row -> entries.add(new RetirementRequest(
                        Objects.requireNonNull(row.getString("request_id")),
                        Objects.requireNonNull(row.getString("tenant_id")),
                        provider,
                        cloudAccountId,
                        instanceId,
                        Objects.requireNonNull(row.getInstant("requested_at")),
                        Objects.requireNonNull(row.getString("requested_by")),
                        Objects.requireNonNull(row.getString("reason")))));
        return entries;
    }
}
