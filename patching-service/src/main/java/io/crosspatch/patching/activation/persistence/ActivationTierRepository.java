package io.crosspatch.patching.activation.persistence;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import io.crosspatch.patching.activation.application.TierLedger;
import java.time.Instant;
import org.springframework.stereotype.Repository;

/** The {@code activation_tiers} table: system accounts known to be in SSM's advanced-instances tier. */
@Repository
class ActivationTierRepository implements TierLedger {

    private static final String ADVANCED = "advanced";

    private final CqlSession session;
    private final PreparedStatement find;
    private final PreparedStatement remember;

    public ActivationTierRepository(CqlSession session) {
        this.session = session;
        this.find = session.prepare("SELECT tier FROM activation_tiers WHERE system_account_id = ?");
        this.remember =
                session.prepare("INSERT INTO activation_tiers (system_account_id, tier, recorded_at) VALUES (?, ?, ?)");
    }

    @Override
    public boolean knownAdvanced(String accountId) {
        var row = session.execute(find.bind(accountId)).one();
        return row != null && ADVANCED.equals(row.getString("tier"));
    }

    @Override
    public void rememberAdvanced(String accountId, Instant at) {
        session.execute(remember.bind(accountId, ADVANCED, at));
    }
}
