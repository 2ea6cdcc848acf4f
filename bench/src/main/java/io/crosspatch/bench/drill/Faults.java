package io.crosspatch.bench.drill;

import io.crosspatch.bench.report.Section;
import io.crosspatch.launcher.LocalService;
import io.crosspatch.launcher.Platform;
import io.crosspatch.simulator.client.SimulatorControl;
import io.crosspatch.testbed.RestartableServer;
import java.time.Duration;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The drills' faults: a service killed with SIGKILL, the broker or the database restarted, AWS misbehaving. */
final class Faults {

    private static final Logger log = LoggerFactory.getLogger(Faults.class);

    private Faults() {}

    /** {@code kill -9} of one service mid-storm; it stays down for {@code downFor}, then starts again. */
    static Fault kill(LocalService service, Duration downFor) {
        return new Fault() {
            @Override
            public boolean strikesMidStorm() {
                return true;
            }

            @Override
            public void duringStorm(Platform platform, Section section) throws Exception {
                platform.kill(service);
                long killedAt = System.nanoTime();
                Thread.sleep(downFor.toMillis());
                platform.restart(service);
                long seconds = Duration.ofNanos(System.nanoTime() - killedAt).toSeconds();
                section.note(service.module() + " killed with SIGKILL mid-storm, down " + downFor.toSeconds()
                        + " s, ready again " + seconds + " s after the kill");
                section.figure(service.module() + " kill to ready", seconds, "s");
            }
        };
    }

    /**
     * The Kafka broker stopped and started on the same data mid-storm, then SIGKILLed and started mid-sweep (a crash:
     * with acks=all on one broker the log is in the page cache, which survives the process).
     */
    static Fault kafka() {
        return restarts(
                "Kafka broker", "kafka", platform -> platform.infrastructure().forkedKafka(), "");
    }

    /**
     * Cassandra stopped and started mid-storm (drained: nothing acknowledged can be lost), then SIGKILLed and started
     * mid-sweep. The testbed's commitlog is {@code periodic} (10 s): a machine crash could lose acknowledged writes by
     * design, but a process kill leaves the commitlog's mapped segments in the page cache, so this drill expects
     * nothing lost — a loss here is a finding about the settings, not noise.
     */
    static Fault cassandra() {
        return restarts(
                "Cassandra",
                "cassandra",
                platform -> platform.infrastructure().cassandra(),
                " (commitlog periodic 10 s)");
    }

    /** A clean restart of {@code server} mid-storm and a SIGKILL and restart mid-sweep, each timed into the report. */
    private static Fault restarts(
            String what, String figure, Function<Platform, RestartableServer> server, String crashNote) {
        return new Fault() {
            @Override
            public boolean strikesMidStorm() {
                return true;
            }

            @Override
            public void duringStorm(Platform platform, Section section) throws Exception {
                long start = System.nanoTime();
                server.apply(platform).restart();
                timed(section, what + " restarted (clean stop) mid-storm", figure + " restart", start);
            }

            @Override
            public void duringSweep(Platform platform, Section section) throws Exception {
                long start = System.nanoTime();
                server.apply(platform).crashAndRestart();
                timed(
                        section,
                        what + " SIGKILLed and restarted mid-sweep" + crashNote,
                        figure + " crash-restart",
                        start);
            }
        };
    }

    /** Every AWS call of every service throttled with {@code throttle} and failed with 5xx with {@code error}, throughout. */
    static Fault simulatorFaults(double throttle, double error) {
        return new Fault() {
            @Override
            public void beforeStorm(Platform platform, Section section) {
                platform.simulatorControl()
                        .injectFault(SimulatorControl.object()
                                .put("service", "*")
                                .put("operation", "*")
                                .put("throttleProbability", throttle)
                                .put("errorProbability", error));
                section.note("simulator: every AWS call throttled with probability " + throttle
                        + " and failed with 5xx "
                        + "with probability " + error + ", from before the storm to the end of the audit's waits. The "
                        + "simulator refuses a call before running it, so this drill shows retries complete everything; "
                        + "it cannot show what a call that ran but whose answer was lost would do");
            }

            @Override
            public void after(Platform platform, Section section) throws Exception {
                long calls = 0;
                for (var row : platform.simulatorControl().calls()) {
                    calls += row.path("calls").asLong();
                }
                section.figure("AWS calls made under the faults (throttled and failed ones included)", calls, "calls");
                platform.simulatorControl().clearFaults();
            }
        };
    }

    private static void timed(Section section, String note, String figure, long startNanos) {
        long seconds = Duration.ofNanos(System.nanoTime() - startNanos).toSeconds();
        section.note(note + ", back in " + seconds + " s");
        section.figure(figure, seconds, "s");
        log.info("{}, back in {} s", note, seconds);
    }
}
