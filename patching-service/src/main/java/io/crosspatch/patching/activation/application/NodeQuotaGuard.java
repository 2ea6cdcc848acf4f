package io.crosspatch.patching.activation.application;

import io.crosspatch.patching.activation.domain.AccountActivation;
import io.crosspatch.patching.activation.domain.NodeQuota;
import io.crosspatch.patching.systemaccount.application.NodeRoster;
import io.crosspatch.patching.systemaccount.domain.SystemAccountRef;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Decides, once per account and batch, how many activations may still be issued without outgrowing SSM's
 * standard-instances tier: nodes enrolled plus activations outstanding plus the batch are compared with the
 * {@link NodeQuota}. Below it, or in an account known to be advanced, everything may be issued. At it, with action
 * ADVANCE, the account is switched to the advanced-instances tier (once: the switch is remembered, and an account
 * SSM already reports advanced is only remembered); with REFUSE, or when SSM refuses the switch for good, only what
 * still fits the quota is issued and the rest fails with {@code NODE_QUOTA_REACHED}.
 */
@Service
public class NodeQuotaGuard {

    /** Issuing is not limited. */
    public static final int UNLIMITED = Integer.MAX_VALUE;

    private static final Logger log = LoggerFactory.getLogger(NodeQuotaGuard.class);

    private final NodeQuota quota;
    private final NodeRoster nodes;
    private final EnrollmentStore enrollments;
    private final ActivationTiers tiers;
    private final TierLedger ledger;
    private final Clock clock;

    public NodeQuotaGuard(
            NodeQuotaProperties properties,
            NodeRoster nodes,
            EnrollmentStore enrollments,
            ActivationTiers tiers,
            TierLedger ledger,
            Clock clock) {
        this.quota = properties.quota();
        this.nodes = nodes;
        this.enrollments = enrollments;
        this.tiers = tiers;
        this.ledger = ledger;
        this.clock = clock;
    }

    /** How many of {@code incoming} new activations the account may be issued ({@link #UNLIMITED} for all). */
    public int room(SystemAccountRef account, int incoming) {
        if (ledger.knownAdvanced(account.accountId())) {
            return UNLIMITED;
        }
        int committed = committed(account);
        if (!quota.reached(committed, incoming)) {
            return UNLIMITED;
        }
        if (tiers.advanced(account)) {
            ledger.rememberAdvanced(account.accountId(), clock.instant());
            return UNLIMITED;
        }
        if (quota.action() == NodeQuota.Action.REFUSE) {
            log.warn(
                    "system account {} holds {} nodes and outstanding activations of the standard tier's {}; "
                            + "refusing enrollments beyond it (node-quota action refuse)",
                    account.accountId(),
                    committed,
                    quota.standardQuota());
            return quota.room(committed);
        }
        try {
            tiers.switchToAdvanced(account);
        } catch (ActivationRejectedException e) {
            log.error(
                    "system account {} could not be switched to the advanced-instances tier ({}); refusing "
                            + "enrollments beyond the standard tier's {} nodes",
                    account.accountId(),
                    e.errorCode(),
                    quota.standardQuota());
            return quota.room(committed);
        }
        ledger.rememberAdvanced(account.accountId(), clock.instant());
        log.warn(
                "system account {} switched to SSM's advanced-instances tier (charged per node): {} nodes and "
                        + "outstanding activations plus {} new would reach {} of the standard tier's {}",
                account.accountId(),
                committed,
                incoming,
                quota.switchAt(),
                quota.standardQuota());
        return UNLIMITED;
    }

    /** Why an enrollment beyond the room fails. */
    public String refusal() {
        return "the system account's SSM standard tier holds at most " + quota.standardQuota()
                + " hybrid nodes per region and is full; an operator must switch it to the advanced-instances tier "
                + "or retire nodes";
    }

    private int committed(SystemAccountRef account) {
        Instant now = clock.instant();
        long outstanding = enrollments.activationsOf(account.accountId()).stream()
                .filter(AccountActivation::pending)
                .filter(activation -> activation.expiresAt().isAfter(now))
                .count();
        return nodes.count(account.accountId()) + (int) outstanding;
    }
}
