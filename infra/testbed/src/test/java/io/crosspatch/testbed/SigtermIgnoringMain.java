package io.crosspatch.testbed;

import java.util.concurrent.CountDownLatch;

/** A child whose shutdown never finishes: on SIGTERM its shutdown hook blocks, as a hung server's would. */
public final class SigtermIgnoringMain {

    static final String READY = "Shutdown hook registered";

    private SigtermIgnoringMain() {}

    public static void main(String[] args) throws InterruptedException {
        CountDownLatch never = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                never.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        System.out.println(READY);
        never.await();
    }
}
