package io.crosspatch.simulator;

import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the simulator as its own process: {@code java -jar cloud-simulator.jar [port]}. Prints the endpoint and
 * the management account's keys (simulator-only keys, not secrets of anything real) and runs until stopped.
 * It listens on loopback unless {@code -Dcrosspatch.simulator.host} names another address: in a container, the
 * name other containers reach it by, which is also the host its metadata and trust-anchor URLs carry.
 */
public final class CloudSimulatorMain {

    private static final Logger log = LoggerFactory.getLogger(CloudSimulatorMain.class);

    private CloudSimulatorMain() {}

    public static void main(String[] args) throws InterruptedException {
        SimulatorConfig config = SimulatorConfig.defaults();
        config.host(System.getProperty("crosspatch.simulator.host", config.host()))
                .port(args.length > 0 ? Integer.parseInt(args[0]) : 4566)
                .rateLimitsEnabled(!Boolean.getBoolean("crosspatch.simulator.noRateLimits"));
        CloudSimulator simulator = CloudSimulator.start(config);
        Runtime.getRuntime().addShutdownHook(new Thread(simulator::close, "simulator-stop"));
        log.info(
                "AWS endpoint {} ; management account {} ; access key {}",
                simulator.endpoint(),
                config.managementAccountId(),
                config.managementAccessKeyId());
        new CountDownLatch(1).await();
    }
}
