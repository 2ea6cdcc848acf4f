package io.crosspatch.patching.registration.persistence;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import io.crosspatch.patching.registration.application.UnexpectedNodes;
import io.crosspatch.patching.systemaccount.domain.ManagedNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Repository;

/** The {@code unexpected_nodes} table: nodes deregistered because they matched no enrollment, kept for audit. */
@Repository
class UnexpectedNodeRepository implements UnexpectedNodes {

    private final CqlSession session;
    private final PreparedStatement insert;
    private final PreparedStatement ofAccount;

    public UnexpectedNodeRepository(CqlSession session) {
        this.session = session;
        this.insert =
                session.prepare("INSERT INTO unexpected_nodes (system_account_id, managed_instance_id, activation_id, "
                        + "computer_name, deregistered_at) VALUES (?, ?, ?, ?, ?)");
        this.ofAccount =
                session.prepare("SELECT managed_instance_id FROM unexpected_nodes WHERE system_account_id = ?");
    }

    @Override
    public void record(String accountId, ManagedNode node, Instant at) {
        session.execute(insert.bind(accountId, node.instanceId(), node.activationId(), node.computerName(), at));
    }

    public List<String> ofAccount(String accountId) {
        List<String> ids = new ArrayList<>();
        session.execute(ofAccount.bind(accountId)).forEach(row -> ids.add(row.getString(0)));
        return ids;
    }
}
