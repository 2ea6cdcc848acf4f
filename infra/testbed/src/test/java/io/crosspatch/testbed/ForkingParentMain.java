package io.crosspatch.testbed;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * The middle JVM of the parent-death test: forks a {@link SleepingMain} child, writes the child's pid to a file
 * (atomically, so the test never reads half of it) and waits to be killed.
 */
public final class ForkingParentMain {

    private ForkingParentMain() {}

    public static void main(String[] args) throws Exception {
        Path workDir = Path.of(args[0]);
        Path pidFile = Path.of(args[1]);
        ForkedJvm child = ForkedJvm.builder("sleeper")
                .classpath(List.of(System.getProperty("java.class.path")))
                .mainClass(SleepingMain.class.getName())
                .workingDir(workDir)
                .logFile(workDir.resolve("child.log"))
                .start();
        Path partial = pidFile.resolveSibling(pidFile.getFileName() + ".partial");
        Files.writeString(partial, Long.toString(child.pid()));
        Files.move(partial, pidFile, StandardCopyOption.ATOMIC_MOVE);
        new CountDownLatch(1).await();
    }
}
