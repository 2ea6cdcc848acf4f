package io.crosspatch.patching.systemaccount.persistence;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import io.crosspatch.kernel.CloudProvider;
import io.crosspatch.patching.systemaccount.application.EnrolledNodes;
import io.crosspatch.patching.systemaccount.application.NodeRoster;
import io.crosspatch.patching.systemaccount.application.NodeStates;
import io.crosspatch.patching.systemaccount.domain.EnrolledNode;
import io.crosspatch.patching.systemaccount.domain.ResultBytes;
import io.crosspatch.servicekit.architecture.UsedByComponentBenchmarks;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Repository;

/**
 * The {@code nodes_by_account} table: the enrolled nodes of one system account, one partition per account. The
 * provider is stored as its upper-case name, as it always was; any case reads back. Public for
 * {@code ComplianceSweepBenchmark} (bench/components/patching), which seeds thousands of nodes directly.
 */
@UsedByComponentBenchmarks
@Repository
public class NodeRepository implements EnrolledNodes, NodeStates, NodeRoster {

    private final CqlSession session;
    private final PreparedStatement insert;
    private final PreparedStatement ofAccount;
    private final PreparedStatement published;
    private final PreparedStatement remove;
    private final PreparedStatement identities;
    private final PreparedStatement count;

    public NodeRepository(CqlSession session) {
        this.session = session;
        this.insert =
                session.prepare("INSERT INTO nodes_by_account (system_account_id, managed_instance_id, enrollment_id, "
                        + "tenant_id, provider, cloud_account_id, cloud_account_name, instance_id, hostname, operating_system, "
                        + "patch_group) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        this.ofAccount = session.prepare("SELECT * FROM nodes_by_account WHERE system_account_id = ?");
        this.published = session.prepare("UPDATE nodes_by_account SET operation_marker = ?, fingerprint = ?, "
                + "last_result = ?, published_at = ? WHERE system_account_id = ? AND managed_instance_id = ?");
        this.identities = session.prepare("SELECT system_account_id, managed_instance_id, enrollment_id, tenant_id, "
                + "provider, cloud_account_id, cloud_account_name, instance_id, hostname, operating_system, patch_group "
                + "FROM nodes_by_account WHERE system_account_id = ?");
        this.count = session.prepare("SELECT COUNT(*) FROM nodes_by_account WHERE system_account_id = ?");
        this.remove =
                session.prepare("DELETE FROM nodes_by_account WHERE system_account_id = ? AND managed_instance_id = ?");
    }

    @Override
    public void add(String accountId, EnrolledNode node) {
        session.execute(insert.bind(
                accountId,
                node.managedInstanceId(),
                node.enrollmentId(),
                node.tenantId(),
                node.provider().name(),
                node.cloudAccountId(),
                node.cloudAccountName(),
                node.instanceId(),
                node.hostname(),
                node.operatingSystem(),
                node.patchGroup()));
    }

    @Override
    public List<EnrolledNode> ofAccount(String accountId) {
        List<EnrolledNode> nodes = new ArrayList<>();
        session.execute(ofAccount.bind(accountId)).forEach(row -> nodes.add(node(row, true)));
        return nodes;
    }

    @Override
    public List<EnrolledNode> identitiesOf(String accountId) {
        List<EnrolledNode> nodes = new ArrayList<>();
        session.execute(identities.bind(accountId)).forEach(row -> nodes.add(node(row, false)));
        return nodes;
    }

    @Override
    public int count(String accountId) {
        Row row = session.execute(count.bind(accountId)).one();
        return row == null ? 0 : (int) row.getLong(0);
    }

    @Override
    public void remove(String accountId, String managedInstanceId) {
        session.execute(remove.bind(accountId, managedInstanceId));
    }

    @Override
    public void markPublished(
            String accountId,
            String managedInstanceId,
            String operationMarker,
            String fingerprint,
            ResultBytes result,
            Instant at) {
        session.execute(published.bind(
                operationMarker, fingerprint, ByteBuffer.wrap(result.toByteArray()), at, accountId, managedInstanceId));
    }

    /** A node from a row; with {@code withState}, the state last published about it too. */
    private static EnrolledNode node(Row row, boolean withState) {
        return new EnrolledNode(
                row.getString("managed_instance_id"),
                row.getString("enrollment_id"),
                row.getString("tenant_id"),
                CloudProvider.parse(row.getString("provider")),
                row.getString("cloud_account_id"),
                row.getString("cloud_account_name"),
                row.getString("instance_id"),
                row.getString("hostname"),
                row.getString("operating_system"),
                row.getString("patch_group"),
                withState ? Optional.ofNullable(row.getString("operation_marker")) : Optional.empty(),
                withState ? Optional.ofNullable(row.getString("fingerprint")) : Optional.empty(),
                withState ? lastResult(row) : Optional.empty());
    }

    private static Optional<ResultBytes> lastResult(Row row) {
        ByteBuffer result = row.getByteBuffer("last_result");
        if (result == null) {
            return Optional.empty();
        }
        byte[] bytes = new byte[result.remaining()];
        result.duplicate().get(bytes);
        return Optional.of(ResultBytes.of(bytes));
    }
}
