package io.crosspatch.testbed;

import java.util.concurrent.CountDownLatch;

/** A child that does nothing until it is stopped. */
public final class SleepingMain {

    private SleepingMain() {}

    public static void main(String[] args) throws InterruptedException {
        new CountDownLatch(1).await();
    }
}
