package io.crosspatch.patching.inventory.application;

import io.crosspatch.patching.inventory.domain.ApplicationList;
import io.crosspatch.patching.inventory.domain.InstanceInformation;
import io.crosspatch.patching.inventory.domain.InventoryAssembler;
import io.crosspatch.patching.inventory.domain.InventoryFingerprint;
import io.crosspatch.patching.inventory.domain.InventoryMark;
import io.crosspatch.patching.inventory.domain.InventoryReport;
import io.crosspatch.patching.systemaccount.application.AccountSweep;
import io.crosspatch.patching.systemaccount.application.NodeStates;
import io.crosspatch.patching.systemaccount.application.OwnedAccounts;
import io.crosspatch.patching.systemaccount.domain.EnrolledNode;
import io.crosspatch.patching.systemaccount.domain.KnownAccount;
import io.crosspatch.patching.systemaccount.domain.SystemAccountRef;
import io.crosspatch.servicekit.concurrent.NamedExecutors;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Collects software inventory per system account (those this instance looks after, {@link OwnedAccounts}, the same
 * rule as compliance collection) and publishes {@code instance.inventory} only for instances whose inventory
 * changed. Per enrolled node and sweep: {@code AWS:InstanceInformation} and the first page of
 * {@code AWS:Application} (two calls, for their capture times); only when a capture time moved since the last
 * publication are all the applications read, and only when the assembled inventory's fingerprint differs is it
 * published. Every call spends the account's SSM budget.
 */
@Service
public class InventoryCollector {

    private static final Logger log = LoggerFactory.getLogger(InventoryCollector.class);
    private static final String INTERVAL =
            "${crosspatch.patching.inventory.interval:" + InventoryProperties.DEFAULT_INTERVAL + "}";

    private final OwnedAccounts accounts;
    private final NodeStates nodes;
    private final InventoryReader reader;
    private final InventoryMarks marks;
    private final InventoryPublisher publisher;
    private final Clock clock;
    private final ExecutorService pool;

    public InventoryCollector(
            OwnedAccounts accounts,
            NodeStates nodes,
            InventoryReader reader,
            InventoryMarks marks,
            InventoryPublisher publisher,
            Clock clock,
            InventoryProperties properties,
            NamedExecutors executors) {
        this.accounts = accounts;
        this.nodes = nodes;
        this.reader = reader;
        this.marks = marks;
        this.publisher = publisher;
        this.clock = clock;
        this.pool = executors.fixed("inventory-collector", properties.accountConcurrency());
    }

    @Scheduled(fixedDelayString = INTERVAL, initialDelayString = INTERVAL)
    public void sweep() {
        collectAll(accounts.list().stream().map(KnownAccount::account).toList());
    }

    /** Collects the accounts side by side; answers the number of inventories published. */
    public int collectAll(List<SystemAccountRef> systemAccounts) {
        return AccountSweep.sum("inventory collection", systemAccounts, pool, this::collect);
    }

    /** Collects one account; answers the number of inventories published (one per instance whose inventory changed). */
    public int collect(SystemAccountRef account) {
        List<EnrolledNode> enrolled = nodes.ofAccount(account.accountId());
        if (enrolled.isEmpty()) {
            return 0;
        }
        Map<String, InventoryMark> published = marks.ofAccount(account.accountId());
        int count = 0;
        for (EnrolledNode node : enrolled) {
            if (collectNode(account, node, Optional.ofNullable(published.get(node.managedInstanceId())))) {
                count++;
            }
        }
        log.debug(
                "inventory of system account {}: {} nodes, {} inventories published",
                account.accountId(),
                enrolled.size(),
                count);
        return count;
    }

    private boolean collectNode(SystemAccountRef account, EnrolledNode node, Optional<InventoryMark> last) {
        Optional<InstanceInformation> information = reader.instanceInformation(account, node.managedInstanceId());
        if (information.isEmpty()) {
            return false;
        }
        Optional<Instant> applicationsAt = reader.applicationsCapturedAt(account, node.managedInstanceId());
        String marker = InventoryMark.marker(information.get().capturedAt(), applicationsAt.orElse(null));
        if (last.filter(mark -> mark.captureMarker().equals(marker)).isPresent()) {
            return false;
        }
        Optional<ApplicationList> applications =
                applicationsAt.isPresent() ? reader.applications(account, node.managedInstanceId()) : Optional.empty();
        InventoryReport report = InventoryAssembler.assemble(
                new InventoryReport.Node(
                        node.tenantId(),
                        node.cloudAccountKey(),
                        node.instanceId(),
                        node.managedInstanceId(),
                        account.accountId()),
                information.get(),
                applications);
        String fingerprint = InventoryFingerprint.of(report);
        boolean changed =
                last.filter(mark -> mark.fingerprint().equals(fingerprint)).isEmpty();
        if (changed) {
            publisher.publish(report);
        }
        marks.mark(
                account.accountId(), node.managedInstanceId(), new InventoryMark(marker, fingerprint), clock.instant());
        return changed;
    }
}
