package io.crosspatch.simulator;

import java.time.Duration;

/**
 * How a simulator instance behaves. Defaults suit tests; the local platform and benchmarks change a few.
 * Everything AWS does on its own is timed on the simulated clock, so "2 minutes" passes at once when a test
 * advances the clock.
 */
public final class SimulatorConfig {

    private String host = "127.0.0.1";
    private int port;
    private int threads = 32;
    private long seed = 42;
    private boolean verifySignatures = true;
    private boolean rateLimitsEnabled = true;
    private String managementAccountId = "111111111111";
    private String managementAccessKeyId = "AKIACROSSPATCHMGMT01";
    private String managementSecretAccessKey = "crosspatch/simulator/management/secret00";
    private Duration accountCreationDuration = Duration.ofSeconds(2);
    private Duration roleAssumableDelay = Duration.ZERO;
    private int maxAccountCreationsInProgress = 5;
    private int accountQuota = 10_000;
    private Duration accountClosureDuration = Duration.ofSeconds(2);
    private int maxAccountClosuresInProgress = 10;
    private double outdatedAgentShare = 0.2;
    private double patchInstallFailureProbability = 0.0;

    public static SimulatorConfig defaults() {
        return new SimulatorConfig();
    }

    public String host() {
        return host;
    }

    public SimulatorConfig host(String value) {
        host = value;
        return this;
    }

    /** 0 picks a free port. */
    public int port() {
        return port;
    }

    public SimulatorConfig port(int value) {
        port = value;
        return this;
    }

    public int threads() {
        return threads;
    }

    public SimulatorConfig threads(int value) {
        threads = value;
        return this;
    }

    /** Seed of every random choice (faults, failures, agent versions), so a run can be repeated. */
    public long seed() {
        return seed;
    }

    public SimulatorConfig seed(long value) {
        seed = value;
        return this;
    }

    public boolean verifySignatures() {
        return verifySignatures;
    }

    public SimulatorConfig verifySignatures(boolean value) {
        verifySignatures = value;
        return this;
    }

    public boolean rateLimitsEnabled() {
        return rateLimitsEnabled;
    }

    public SimulatorConfig rateLimitsEnabled(boolean value) {
        rateLimitsEnabled = value;
        return this;
    }

    public String managementAccountId() {
        return managementAccountId;
    }

    public SimulatorConfig managementAccountId(String value) {
        managementAccountId = value;
        return this;
    }

    public String managementAccessKeyId() {
        return managementAccessKeyId;
    }

    public SimulatorConfig managementAccessKeyId(String value) {
        managementAccessKeyId = value;
        return this;
    }

    public String managementSecretAccessKey() {
        return managementSecretAccessKey;
    }

    public SimulatorConfig managementSecretAccessKey(String value) {
        managementSecretAccessKey = value;
        return this;
    }

    /** How long Organizations takes from CreateAccount to SUCCEEDED (simulated time). */
    public Duration accountCreationDuration() {
        return accountCreationDuration;
    }

    public SimulatorConfig accountCreationDuration(Duration value) {
        accountCreationDuration = value;
        return this;
    }

    /** How long after SUCCEEDED the new account's OrganizationAccountAccessRole refuses AssumeRole. */
    public Duration roleAssumableDelay() {
        return roleAssumableDelay;
    }

    public SimulatorConfig roleAssumableDelay(Duration value) {
        roleAssumableDelay = value;
        return this;
    }

    /** Organizations' limit on account creations in progress at once. */
    public int maxAccountCreationsInProgress() {
        return maxAccountCreationsInProgress;
    }

    public SimulatorConfig maxAccountCreationsInProgress(int value) {
        maxAccountCreationsInProgress = value;
        return this;
    }

    /** Accounts the organization may hold (ACCOUNT_LIMIT_EXCEEDED beyond). */
    public int accountQuota() {
        return accountQuota;
    }

    public SimulatorConfig accountQuota(int value) {
        accountQuota = value;
        return this;
    }

    /** How long a closed account stays PENDING_CLOSURE before it is SUSPENDED (simulated time). */
    public Duration accountClosureDuration() {
        return accountClosureDuration;
    }

    public SimulatorConfig accountClosureDuration(Duration value) {
        accountClosureDuration = value;
        return this;
    }

    /**
     * Closures that may be PENDING_CLOSURE at once (CLOSE_ACCOUNT_REQUESTS_LIMIT_EXCEEDED beyond). AWS documents the
     * limit but not its size; tests set it small to reach it.
     */
    public int maxAccountClosuresInProgress() {
        return maxAccountClosuresInProgress;
    }

    public SimulatorConfig maxAccountClosuresInProgress(int value) {
        maxAccountClosuresInProgress = value;
        return this;
    }

    /** Share of newly registered nodes that run an older SSM Agent (IsLatestVersion false). */
    public double outdatedAgentShare() {
        return outdatedAgentShare;
    }

    public SimulatorConfig outdatedAgentShare(double value) {
        outdatedAgentShare = value;
        return this;
    }

    /** Probability that installing one approved patch fails during a maintenance window. */
    public double patchInstallFailureProbability() {
        return patchInstallFailureProbability;
    }

    public SimulatorConfig patchInstallFailureProbability(double value) {
        patchInstallFailureProbability = value;
        return this;
    }
}
