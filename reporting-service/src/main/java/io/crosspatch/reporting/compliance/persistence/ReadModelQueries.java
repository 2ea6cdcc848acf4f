package io.crosspatch.reporting.compliance.persistence;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.PagingState;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.ResultSet;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.data.UdtValue;
import io.crosspatch.kernel.CloudAccountKey;
import io.crosspatch.kernel.CloudProvider;
import io.crosspatch.reporting.compliance.application.InstanceFilter;
import io.crosspatch.reporting.compliance.application.InstanceListing;
import io.crosspatch.reporting.compliance.application.InstancePage;
import io.crosspatch.reporting.compliance.application.InstanceUpdates;
import io.crosspatch.reporting.compliance.application.ReadModelReader;
import io.crosspatch.reporting.compliance.domain.EnrollmentFailure;
import io.crosspatch.reporting.compliance.domain.InstanceRetirement;
import io.crosspatch.reporting.compliance.domain.PatchUpdate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;

/**
 * The read side of the model: every method is one partition read, always inside the asking tenant's
 * partition, so no filter or page token can reach another tenant's rows.
 *
 * <p>Page tokens are the driver's safe paging state, base64url-encoded: opaque to clients, and refused by the
 * driver when they were issued for another query (other tenant, other filters). Providers are stored by their
 * upper-case names.
 */
@Repository
class ReadModelQueries implements ReadModelReader {

    private static final String INSTANCE_COLUMNS = """
            provider, cloud_account_id, cloud_account_name, instance_id, hostname, managed_instance_id, platform,
            operating_system, patch_group, activation_stage, ping_status, agent_version, agent_latest, missing,
            failed, installed, critical_non_compliant, security_non_compliant, last_operation,
            last_operation_outcome, last_operation_ended_at, state_observed_at, activation_changed_at,
            retirement_reason""";

    private final CqlSession session;
    private final Map<String, PreparedStatement> instanceQueries = new ConcurrentHashMap<>();
    private final PreparedStatement selectUpdates;
    private final PreparedStatement selectFailures;

    public ReadModelQueries(CqlSession session) {
        this.session = session;
        this.selectUpdates = session.prepare("""
                SELECT provider, cloud_account_id, cloud_account_name, instance_id, hostname, managed_instance_id,
                       operating_system, patch_group, activation_stage, state_observed_at, patches
                FROM instance_updates WHERE tenant_id = ? AND instance_id = ?""");
        this.selectFailures = session.prepare("""
                SELECT tenant_id, enrollment_id, failed_at, stage, reason_code, message, retryable, provider,
                       cloud_account_id
                FROM enrollment_failures WHERE tenant_id = ? LIMIT 1000""");
    }

    /** One page of a tenant's instances, and the token of the next page (null on the last). */
    @Override
    public InstancePage instances(String tenantId, InstanceFilter filter, int pageSize, @Nullable String pageToken) {
        List<Object> values = new ArrayList<>();
        values.add(tenantId);
        StringBuilder cql =
                new StringBuilder("SELECT ").append(INSTANCE_COLUMNS).append(" FROM instances WHERE tenant_id = ?");
        boolean filtering = false;
        if (filter.provider() != null) {
            cql.append(" AND provider = ?");
            values.add(filter.provider().name());
        }
        if (filter.cloudAccountId() != null) {
            cql.append(" AND cloud_account_id = ?");
            values.add(filter.cloudAccountId());
            filtering = filter.provider() == null;
        }
        if (filter.patchGroup() != null) {
            cql.append(" AND patch_group = ?");
            values.add(filter.patchGroup());
            filtering = filtering || filter.provider() != null;
        }
        if (filtering) {
            cql.append(" ALLOW FILTERING");
        }
        PreparedStatement prepared = instanceQueries.computeIfAbsent(cql.toString(), session::prepare);
        BoundStatement statement = prepared.bind(values.toArray()).setPageSize(pageSize);
        if (pageToken != null) {
            statement = withPagingState(statement, pageToken);
        }
        ResultSet result = session.execute(statement);
        List<InstanceListing> rows = new ArrayList<>(pageSize);
        for (int available = result.getAvailableWithoutFetching(); available > 0; available--) {
            rows.add(listing(result.one()));
        }
        PagingState next = result.getExecutionInfo().getSafePagingState();
        return new InstancePage(
                rows,
                next == null ? null : Base64.getUrlEncoder().withoutPadding().encodeToString(next.toBytes()));
    }

    /** The instances of a tenant with this provider instance id: one, or several only across cloud accounts. */
    @Override
    public List<InstanceUpdates> updates(String tenantId, String instanceId) {
        List<InstanceUpdates> rows = new ArrayList<>(1);
        for (Row row : session.execute(selectUpdates.bind(tenantId, instanceId))) {
            List<UdtValue> patches = row.getList("patches", UdtValue.class);
            rows.add(new InstanceUpdates(
                    node(row),
                    setup(row),
                    row.getInstant("state_observed_at"),
                    patches == null
                            ? List.of()
                            : patches.stream()
                                    .map(ReadModelQueries::patchUpdate)
                                    .toList()));
        }
        return rows;
    }

    /** The tenant's enrollments that never became instances (at most 1,000). */
    @Override
    public List<EnrollmentFailure> enrollmentFailures(String tenantId) {
        List<EnrollmentFailure> failures = new ArrayList<>();
        for (Row row : session.execute(selectFailures.bind(tenantId))) {
            failures.add(new EnrollmentFailure(
                    row.getString("tenant_id"),
                    row.getString("enrollment_id"),
                    row.getInstant("failed_at"),
                    row.getString("stage"),
                    row.getString("reason_code"),
                    row.getString("message"),
                    row.getBoolean("retryable"),
                    provider(row.getString("provider")),
                    row.getString("cloud_account_id")));
        }
        return failures;
    }

    private BoundStatement withPagingState(BoundStatement statement, String pageToken) {
        try {
            PagingState state = PagingState.fromBytes(Base64.getUrlDecoder().decode(pageToken));
            return statement.setPagingState(state, session);
        } catch (RuntimeException e) {
            throw new InvalidPageTokenException("the page token was not issued for this query", e);
        }
    }

    private static InstanceListing listing(Row row) {
        return new InstanceListing(
                node(row),
                setup(row),
                row.getString("platform"),
                new InstanceListing.Agent(
                        row.getString("agent_version"),
                        row.isNull("agent_latest") ? null : row.getBoolean("agent_latest"),
                        row.getString("ping_status")),
                new InstanceListing.Counts(
                        row.getInt("installed"),
                        row.getInt("missing"),
                        row.getInt("failed"),
                        row.getInt("critical_non_compliant"),
                        row.getInt("security_non_compliant")),
                new InstanceListing.LastRun(
                        row.getString("last_operation"),
                        row.getString("last_operation_outcome"),
                        row.getInstant("last_operation_ended_at")),
                row.getInstant("state_observed_at"),
                retired(row));
    }

    private static InstanceListing.@Nullable Retired retired(Row row) {
        Instant at = row.getInstant("activation_changed_at");
        if (!InstanceRetirement.RETIRED.equals(row.getString("activation_stage")) || at == null) {
            return null;
        }
        String reason = row.getString("retirement_reason");
        return new InstanceListing.Retired(at, reason == null ? "UNKNOWN" : reason);
    }

    private static InstanceListing.Node node(Row row) {
        return new InstanceListing.Node(
                new CloudAccountKey(
                        CloudProvider.valueOf(row.getString("provider")), row.getString("cloud_account_id")),
                row.getString("instance_id"),
                row.getString("cloud_account_name"),
                row.getString("hostname"),
                row.getString("managed_instance_id"));
    }

    private static InstanceListing.Setup setup(Row row) {
        return new InstanceListing.Setup(
                row.getString("operating_system"), row.getString("patch_group"), row.getString("activation_stage"));
    }

    private static @Nullable CloudProvider provider(@Nullable String stored) {
        return stored == null ? null : CloudProvider.valueOf(stored);
    }

    private static PatchUpdate patchUpdate(UdtValue value) {
        return new PatchUpdate(
                value.getString("patch_id"),
                value.getString("title"),
                value.getString("classification"),
                value.getString("severity"),
                value.getString("state"),
                value.getInstant("installed_at"),
                value.getList("cve_ids", String.class));
    }
}
