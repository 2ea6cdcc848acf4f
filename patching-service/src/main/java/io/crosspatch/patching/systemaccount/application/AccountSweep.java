package io.crosspatch.patching.systemaccount.application;

import io.crosspatch.patching.systemaccount.domain.SystemAccountRef;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.function.ToIntFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One scheduled pass over system accounts, side by side on a bounded pool. Each account's work stands alone: an
 * account that fails (its SSM unreachable, its session refused) is logged and left to the next pass, so one account
 * never holds up or breaks the others. The registration watcher and the compliance and inventory collectors sweep
 * this way.
 */
public final class AccountSweep {

    private static final Logger log = LoggerFactory.getLogger(AccountSweep.class);

    private AccountSweep() {}

    /**
     * Runs {@code work} for every account on {@code pool}, waits for all, and answers the sum of what each answered
     * (0 for an account that failed). {@code what} names the work in the log.
     */
    public static int sum(
            String what, List<SystemAccountRef> accounts, ExecutorService pool, ToIntFunction<SystemAccountRef> work) {
        List<CompletableFuture<Integer>> done = accounts.stream()
                .map(account -> CompletableFuture.supplyAsync(() -> safely(what, account, work), pool))
                .toList();
        return done.stream().mapToInt(CompletableFuture::join).sum();
    }

    private static int safely(String what, SystemAccountRef account, ToIntFunction<SystemAccountRef> work) {
        try {
            return work.applyAsInt(account);
        } catch (RuntimeException e) {
            log.warn(
                    "{} of system account {} failed, the next sweep retries: {}",
                    what,
                    account.accountId(),
                    e.toString());
            return 0;
        }
    }
}
