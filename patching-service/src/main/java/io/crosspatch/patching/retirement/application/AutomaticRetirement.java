package io.crosspatch.patching.retirement.application;

import io.crosspatch.patching.activation.domain.Enrollment;
import io.crosspatch.patching.compliance.application.LostNodes;
import io.crosspatch.patching.registration.application.ExpiredActivations;
import io.crosspatch.patching.retirement.domain.ConnectionLostPolicy;
import io.crosspatch.patching.retirement.domain.RetirementReason;
import io.crosspatch.patching.systemaccount.application.OwnedAccounts;
import io.crosspatch.patching.systemaccount.domain.EnrolledNode;
import io.crosspatch.patching.systemaccount.domain.KnownAccount;
import io.crosspatch.patching.systemaccount.domain.ManagedNode;
import io.crosspatch.patching.systemaccount.domain.SystemAccountRef;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * The retirements nobody asks for: a node ConnectionLost for longer than its tenant's age (seen by compliance
 * collection, which reads every node's ping status anyway), an enrollment whose activation expired unused (seen by
 * the registration audit), and, on a schedule of its own, the retirements a crash or an outage interrupted.
 */
@Service
class AutomaticRetirement implements LostNodes, ExpiredActivations {

    private static final Logger log = LoggerFactory.getLogger(AutomaticRetirement.class);
    private static final String RECOVERY_INTERVAL =
            "${crosspatch.retirement.recovery-interval:" + RetirementProperties.DEFAULT_RECOVERY_INTERVAL + "}";

    private final InstanceRetirement retirement;
    private final ConnectionLostPolicy policy;
    private final OwnedAccounts accounts;
    private final Clock clock;

    AutomaticRetirement(
            InstanceRetirement retirement, ConnectionLostPolicy policy, OwnedAccounts accounts, Clock clock) {
        this.retirement = retirement;
        this.policy = policy;
        this.accounts = accounts;
        this.clock = clock;
    }

    @Override
    public boolean retireIfLongLost(SystemAccountRef account, EnrolledNode node, ManagedNode state) {
        if (!policy.retires(node.tenantId(), state.pingStatus(), state.lastPingAt(), clock.instant())) {
            return false;
        }
        log.info(
                "node {} of instance {} has been ConnectionLost since {}, longer than {}: retiring it",
                node.managedInstanceId(),
                node.instanceId(),
                state.lastPingAt(),
                policy.ageFor(node.tenantId()));
        retirement.retireNode(account, node, RetirementReason.CONNECTION_LOST, Optional.empty(), Optional.empty());
        return true;
    }

    @Override
    public void expired(SystemAccountRef account, Enrollment enrollment, String activationId) {
        retirement.retireExpired(account, enrollment, activationId);
    }

    /** Finishes interrupted retirements of the accounts this instance looks after. */
    @Scheduled(fixedDelayString = RECOVERY_INTERVAL, initialDelayString = RECOVERY_INTERVAL)
    public void resumeAll() {
        for (KnownAccount account : accounts.list()) {
            try {
                retirement.resumeUnfinished(account.account());
            } catch (RuntimeException e) {
                log.warn(
                        "finishing retirements of system account {} failed, the next run retries: {}",
                        account.account().accountId(),
                        e.toString());
            }
        }
    }
}
