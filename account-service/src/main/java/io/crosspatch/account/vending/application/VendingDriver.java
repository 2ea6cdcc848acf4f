package io.crosspatch.account.vending.application;

import io.crosspatch.account.vending.application.SystemAccountRepository.WorkItem;
import io.crosspatch.account.vending.domain.SystemAccount;
import io.crosspatch.account.vending.domain.SystemAccountState;
import io.crosspatch.kernel.CloudAccountKey;
import io.crosspatch.servicekit.concurrent.NamedExecutors;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Semaphore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Advances every unsettled system account of the buckets this instance owns. Each tick reads the work lists
 * (one Cassandra partition per bucket), and hands the due accounts to a bounded pool, one step each, never two
 * steps of one account at once. It keeps no state that matters: after a restart the work lists in Cassandra say
 * exactly what is left to do, including creations whose outcome a crash left unknown.
 */
@Component
public class VendingDriver {

    private static final Logger log = LoggerFactory.getLogger(VendingDriver.class);

    private final SystemAccountRepository accounts;
    private final CreationWorkflow workflow;
    private final OwnedBuckets buckets;
    private final VendingProperties properties;
    private final Clock clock;
    private final ExecutorService pool;
    private final Semaphore permits;
    private final Set<CloudAccountKey> inFlight = ConcurrentHashMap.newKeySet();

    public VendingDriver(
            SystemAccountRepository accounts,
            CreationWorkflow workflow,
            OwnedBuckets buckets,
            VendingProperties properties,
            Clock clock,
            NamedExecutors executors) {
        this.accounts = accounts;
        this.workflow = workflow;
        this.buckets = buckets;
        this.properties = properties;
        this.clock = clock;
        this.pool = executors.fixed("account-vending", properties.concurrency());
        this.permits = new Semaphore(properties.concurrency());
    }

    @Scheduled(
            fixedDelayString =
                    "${crosspatch.accounts.driver-interval:" + VendingProperties.DEFAULT_DRIVER_INTERVAL + "}")
    public void tick() {
        List<WorkItem> work = new ArrayList<>();
        for (int bucket : buckets.owned()) {
            work.addAll(accounts.workList(bucket));
        }
        Instant now = clock.instant();
        int slots = properties.maxCreationsInProgress()
                - (int) work.stream()
                        .filter(item -> item.state().holdsCreationSlot())
                        .count();
        for (WorkItem item : work) {
            if (item.nextAttemptAt() != null && item.nextAttemptAt().isAfter(now)) {
                continue;
            }
            boolean mayCreate = item.state() == SystemAccountState.QUEUED && slots > 0;
            if (item.state() == SystemAccountState.QUEUED && !mayCreate) {
                continue;
            }
            if (!inFlight.add(item.key())) {
                continue;
            }
            if (!permits.tryAcquire()) {
                inFlight.remove(item.key());
                return;
            }
            if (mayCreate) {
                slots--;
            }
            pool.execute(() -> step(item.key(), mayCreate));
        }
    }

    private void step(CloudAccountKey key, boolean mayCreate) {
        MDC.put("cloudAccountKey", key.toString());
        try {
            SystemAccount account = accounts.find(key).orElse(null);
            if (account != null && account.isDue(clock.instant())) {
                workflow.advance(account, mayCreate);
            }
        } catch (RuntimeException e) {
            log.warn("step for {} failed; the work list keeps it for the next tick", key, e);
        } finally {
            inFlight.remove(key);
            permits.release();
            MDC.remove("cloudAccountKey");
        }
    }
}
