package io.crosspatch.servicekit.concurrent;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ExecutorServiceMetrics;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;

/**
 * The one way a Crosspatch service builds a thread pool: a fixed number of named daemon threads ({@code <name>-1},
 * {@code <name>-2}…, so a thread dump says whose they are), measured by Micrometer's {@link ExecutorServiceMetrics}
 * under the pool's name ({@code executor.active}, {@code executor.queued}, {@code executor.completed},
 * {@code executor.pool.size} with tag {@code name=<name>}), and shut down with the application context — running
 * tasks interrupted, a bounded wait for them to stop. Services used to build their pools by hand, each with its own
 * thread naming, none measured, some never shut down.
 *
 * <p>A bean of service-kit ({@link ExecutorsAutoConfiguration}); application services take it and ask for their
 * pool in the constructor.
 */
public class NamedExecutors implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(NamedExecutors.class);

    /** How long the context waits, per pool, for interrupted tasks to stop. */
    static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(5);

    private final MeterRegistry meters;
    private final List<ThreadPoolExecutor> pools = new CopyOnWriteArrayList<>();

    public NamedExecutors(MeterRegistry meters) {
        this.meters = meters;
    }

    /**
     * A pool of exactly {@code threads} threads named {@code name-<n>}; work beyond them waits in the queue.
     *
     * @throws IllegalArgumentException when {@code threads} is below 1
     */
    public ExecutorService fixed(String name, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("the " + name + " pool needs at least one thread, not " + threads);
        }
        AtomicInteger count = new AtomicInteger();
        ThreadPoolExecutor pool =
                new ThreadPoolExecutor(threads, threads, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), runnable -> {
                    Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        pools.add(pool);
        return ExecutorServiceMetrics.monitor(meters, pool, name);
    }

    /** Interrupts every pool's tasks and waits, boundedly, for them to stop. */
    @Override
    public void destroy() throws InterruptedException {
        pools.forEach(ThreadPoolExecutor::shutdownNow);
        for (ThreadPoolExecutor pool : pools) {
            if (!pool.awaitTermination(SHUTDOWN_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("a pool's tasks did not stop within {}", SHUTDOWN_WAIT);
            }
        }
    }
}
