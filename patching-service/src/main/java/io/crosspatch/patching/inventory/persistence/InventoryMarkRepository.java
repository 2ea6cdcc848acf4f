package io.crosspatch.patching.inventory.persistence;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import io.crosspatch.patching.inventory.application.InventoryMarks;
import io.crosspatch.patching.inventory.domain.InventoryMark;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Repository;

/** The {@code inventory_by_account} table: one partition per system account, one row per published node. */
@Repository
class InventoryMarkRepository implements InventoryMarks {

    private final CqlSession session;
    private final PreparedStatement ofAccount;
    private final PreparedStatement mark;

    public InventoryMarkRepository(CqlSession session) {
        this.session = session;
        this.ofAccount = session.prepare("SELECT managed_instance_id, capture_marker, fingerprint "
                + "FROM inventory_by_account WHERE system_account_id = ?");
        this.mark = session.prepare("UPDATE inventory_by_account SET capture_marker = ?, fingerprint = ?, "
                + "marked_at = ? WHERE system_account_id = ? AND managed_instance_id = ?");
    }

    @Override
    public Map<String, InventoryMark> ofAccount(String accountId) {
        Map<String, InventoryMark> marks = new HashMap<>();
        session.execute(ofAccount.bind(accountId)).forEach(row -> {
            String marker = row.getString("capture_marker");
            String fingerprint = row.getString("fingerprint");
            String node = row.getString("managed_instance_id");
            if (marker != null && fingerprint != null && node != null) {
                marks.put(node, new InventoryMark(marker, fingerprint));
            }
        });
        return marks;
    }

    @Override
    public void mark(String accountId, String managedInstanceId, InventoryMark mark, Instant at) {
        session.execute(this.mark.bind(mark.captureMarker(), mark.fingerprint(), at, accountId, managedInstanceId));
    }
}
