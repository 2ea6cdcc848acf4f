package io.crosspatch.bench.storm;

import io.crosspatch.bench.baseline.InfrastructureBaselines.Baselines;
import io.crosspatch.bench.fleet.BenchAccounts;
import io.crosspatch.bench.platform.BenchPlatform;
import io.crosspatch.bench.report.BenchReport;
import io.crosspatch.bench.report.Section;
import io.crosspatch.launcher.LocalService;
import io.crosspatch.launcher.Platform;
import io.crosspatch.launcher.fleet.CloudAccountSpec;
import io.crosspatch.simulator.client.SimulatorControl;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The enrollment storm, twice, each on a fresh platform: (a) with the simulator's rate limits off, to measure the
 * pipeline itself; (b) with the simulator's default per-account limits, reported against the theoretical minimum
 * those limits allow ({@link TheoreticalMinimum}).
 */
public final class StormBenchmark {

    private static final Logger log = LoggerFactory.getLogger(StormBenchmark.class);

    /** How AWS behaves in a run. */
    public enum Mode {
        /**
         * The simulator's limits off, and the services' own client-side pacing (which exists only to stay under
         * AWS's limits) raised out of the way: what the pipeline does when AWS never says "slow down".
         */
        LIMITS_OFF("storm-limits-off", "Enrollment storm (a): simulator rate limits off"),
        /** The simulator's default per-account limits and the services' default pacing, as deployed. */
        DEFAULT_LIMITS("storm-default-limits", "Enrollment storm (b): simulator default per-account limits");

        private final String runName;
        private final String title;

        Mode(String runName, String title) {
            this.runName = runName;
            this.title = title;
        }

        public String runName() {
            return runName;
        }

        public String title() {
            return title;
        }
    }

    private StormBenchmark() {}

    /** The storm's cloud accounts (deterministic for a size). */
    public static List<CloudAccountSpec> accounts(StormOptions options) {
        return BenchAccounts.generate(options.accounts(), options.tenants());
    }

    /** The platform a storm of this mode runs on: the storm's VMware orgs trusted, the pacing of the mode. */
    public static BenchPlatform.Tuning tuning(Mode mode, StormOptions options) {
        BenchPlatform.Tuning tuning = BenchPlatform.Tuning.defaults()
                .withVmwareOrgs(BenchAccounts.vmwareOrgs(accounts(options)))
                // the simulator holds every VM, its identity material, activations and call log
                .withHeaps(Map.of("cloud-simulator", "768m"));
        if (mode == Mode.LIMITS_OFF) {
            tuning = tuning.withServiceArguments(Map.of(
                    LocalService.ACCOUNT,
                            List.of(
                                    "--crosspatch.accounts.create-account-rate-per-second=1000",
                                    "--crosspatch.accounts.create-account-burst=1000"),
                    LocalService.PATCHING,
                            List.of(
                                    "--crosspatch.aws.default-rate-per-second=1000",
                                    "--crosspatch.aws.default-burst=1000",
                                    "--crosspatch.aws.rates.CreateActivation=1000")));
        }
        return tuning;
    }

    /** One storm on a platform started with {@link #tuning}{@code (mode, options)} and not used by another storm. */
    public static void runOn(
            Platform platform, Mode mode, BenchReport report, StormOptions options, @Nullable Baselines baselines)
            throws Exception {
        log.info("{}: {} VMs across {} accounts", mode.title, options.vms(), options.accounts());
        Section section = report.section(mode.title);
        SimulatorControl simulator = platform.simulatorControl();
        TheoreticalMinimum.Limits floor = null;
        if (mode == Mode.LIMITS_OFF) {
            simulator.rateLimits(false);
            section.note("The simulator's rate limits are off (POST /_sim/limits {\"enabled\": false}) and the "
                    + "services' client-side pacing is raised to 1,000/s (account-service CreateAccount, "
                    + "patching-service's per-account SSM budgets), since it exists only to stay under AWS's limits. "
                    + "The simulator still takes 2 s to create an account and allows 5 creations in progress, as "
                    + "Organizations does.");
        } else {
            simulator.rateLimits(true);
            floor = StormLimits.from(simulator.rateLimits(), StormLimits.ClientBudgets.defaults());
        }
        try {
            new EnrollmentStorm(platform, accounts(options), options).run(section, baselines, floor);
        } finally {
            report.write();
        }
    }
}
