package io.crosspatch.testbed;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a testbed from the command line until Ctrl-C, for working on the platform by hand. Argument: the work directory
 * ({@code target/testbed/<pid>} by default).
 */
public final class TestbedMain {

    private static final Logger log = LoggerFactory.getLogger(TestbedMain.class);

    private TestbedMain() {}

    public static void main(String[] args) throws InterruptedException {
        Path workDir = args.length > 0
                ? Path.of(args[0])
                : Path.of(
                        "target",
                        "testbed",
                        Long.toString(ProcessHandle.current().pid()));
        Testbed testbed = Testbed.start(workDir);
        Runtime.getRuntime().addShutdownHook(new Thread(testbed::close, "testbed-main-shutdown"));
        log.info("Testbed running; Ctrl-C stops it. Connection details:");
        testbed.springProperties().forEach((name, value) -> log.info("  {}={}", name, value));
        try {
            new CountDownLatch(1).await();
        } finally {
            testbed.close();
        }
    }
}
