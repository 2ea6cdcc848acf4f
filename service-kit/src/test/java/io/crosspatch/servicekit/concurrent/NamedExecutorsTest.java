package io.crosspatch.servicekit.concurrent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class NamedExecutorsTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final NamedExecutors executors = new NamedExecutors(meters);

    @Test
    void shouldRunOnAtMostTheGivenNumberOfNamedDaemonThreads() throws Exception {
        ExecutorService pool = executors.fixed("compliance-collector", 2);
        Set<String> names = ConcurrentHashMap.newKeySet();
        AtomicBoolean daemons = new AtomicBoolean(true);
        CountDownLatch done = new CountDownLatch(20);

        for (int i = 0; i < 20; i++) {
            pool.execute(() -> {
                names.add(Thread.currentThread().getName());
                daemons.compareAndSet(true, Thread.currentThread().isDaemon());
                done.countDown();
            });
        }

        assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(names).isNotEmpty().isSubsetOf("compliance-collector-1", "compliance-collector-2");
        assertThat(daemons).isTrue();
    }

    @Test
    void shouldMeasureEachPoolUnderItsName() {
        ExecutorService pool = executors.fixed("activation-worker", 3);
        pool.execute(() -> {});

        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(meters.get("executor.completed")
                                .tag("name", "activation-worker")
                                .functionCounter()
                                .count())
                        .isEqualTo(1.0));
        assertThat(meters.get("executor.pool.max")
                        .tag("name", "activation-worker")
                        .gauge()
                        .value())
                .isEqualTo(3.0);
    }

    @Test
    void shouldInterruptRunningTasksWhenTheContextCloses() throws Exception {
        ExecutorService pool = executors.fixed("account-vending", 1);
        CountDownLatch started = new CountDownLatch(1);
        AtomicBoolean interrupted = new AtomicBoolean();
        pool.execute(() -> {
            started.countDown();
            try {
                new CountDownLatch(1).await();
            } catch (InterruptedException e) {
                interrupted.set(true);
            }
        });
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();

        executors.destroy();

        assertThat(interrupted).isTrue();
        assertThat(pool.isTerminated()).isTrue();
    }

    @Test
    void shouldRefuseAPoolWithoutThreads() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> executors.fixed("registration-watcher", 0))
                .withMessageContaining("registration-watcher");
    }
}
