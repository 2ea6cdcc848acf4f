package io.crosspatch.testbed;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Entry point of every JVM that {@link ForkedJvm} starts: it halts the child as soon as the JVM that started it is
 * gone, then runs the real main class. A parent killed with {@code kill -9} runs no shutdown hook, so only the child
 * itself can notice; without this, brokers and databases would outlive the build that started them.
 *
 * <p>Arguments: the parent's pid, the real main class, then the real main's arguments.
 */
public final class ParentWatchdogMain {

    /** Exit code of a child halted because its parent disappeared (128 + SIGKILL, as a shell would report). */
    static final int PARENT_GONE_EXIT_CODE = 137;

    private static final long POLL_MILLIS = 500;

    private ParentWatchdogMain() {}

    public static void main(String[] args) throws Throwable {
        if (args.length < 2) {
            throw new IllegalArgumentException("usage: ParentWatchdogMain <parent pid> <main class> [args...]");
        }
        long parentPid = Long.parseLong(args[0]);
        watch(ProcessHandle.of(parentPid), parentPid);
        runMain(args[1], Arrays.copyOfRange(args, 2, args.length));
    }

    private static void watch(Optional<ProcessHandle> parent, long parentPid) {
        if (parent.isEmpty() || !parent.get().isAlive()) {
            halt(parentPid);
        }
        // The handle remembers the parent's start time, so isAlive() stays false even if the pid gets reused.
        ProcessHandle handle = parent.get();
        boolean directChild = parentPidOfThisJvm() == parentPid;
        ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "parent-watchdog");
            thread.setDaemon(true);
            return thread;
        });
        watchdog.scheduleWithFixedDelay(
                () -> {
                    if (!isAlive(handle, directChild)) {
                        halt(parentPid);
                    }
                },
                POLL_MILLIS,
                POLL_MILLIS,
                TimeUnit.MILLISECONDS);
    }

    /**
     * A killed parent stays a zombie, which {@link ProcessHandle#isAlive()} reports as alive, until its own parent
     * reaps it (seconds, where init is slow to reap). A child is re-parented the moment its parent dies, so a changed
     * parent pid is the faster signal.
     */
    private static boolean isAlive(ProcessHandle parent, boolean directChild) {
        if (directChild && parentPidOfThisJvm() != parent.pid()) {
            return false;
        }
        return parent.isAlive();
    }

    private static long parentPidOfThisJvm() {
        return ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(-1L);
    }

    private static void halt(long parentPid) {
        // Plain stderr on purpose: the child's own logging framework may not be configured yet, and touching it
        // from here could change how the real main sets it up. This line ends up in the child's log file.
        System.err.println("Parent process " + parentPid + " is gone; halting this JVM.");
        Runtime.getRuntime().halt(PARENT_GONE_EXIT_CODE);
    }

    private static void runMain(String mainClassName, String[] mainArgs) throws Throwable {
        Class<?> mainClass = Class.forName(mainClassName, true, ClassLoader.getSystemClassLoader());
        Method main = mainClass.getMethod("main", String[].class);
        try {
            main.invoke(null, (Object) mainArgs);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
