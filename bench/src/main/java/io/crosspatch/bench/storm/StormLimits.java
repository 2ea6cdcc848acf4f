package io.crosspatch.bench.storm;

import com.fasterxml.jackson.databind.JsonNode;
import io.crosspatch.bench.storm.TheoreticalMinimum.Bucket;
import io.crosspatch.bench.storm.TheoreticalMinimum.Limits;

/**
 * The limits the storm's floor is computed from: what the simulator reports ({@code GET /_sim/limits}) for
 * {@code organizations:CreateAccount} and {@code ssm:CreateActivation}, each tightened by the services' own client-side
 * pacing where that is lower (account-service's creation bucket and in-progress cap, patching-service's
 * {@code crosspatch.aws.rates.CreateActivation}, whose burst is the rate rounded up — see its
 * {@code AwsConfiguration}).
 */
public final class StormLimits {

    /**
     * The services' pacing as the platform runs them (their {@code application.yml} defaults, unless the run overrides
     * them) and the simulator's account-creation behaviour, which {@code /_sim/limits} does not report.
     */
    public record ClientBudgets(
            Bucket accountServiceCreateAccount,
            int accountServiceCreationsInProgress,
            Bucket patchingCreateActivation,
            int organizationsCreationsInProgress,
            double creationSeconds) {

        /** account-service 0.9/s burst 4, 5 in progress; patching-service 8/s (burst 8); the simulator 5 × 2 s. */
        public static ClientBudgets defaults() {
            return new ClientBudgets(new Bucket(0.9, 4), 5, new Bucket(8, 8), 5, 2.0);
        }
    }

    private StormLimits() {}

    /** @param simulatorLimits the answer of {@code GET /_sim/limits} */
    public static Limits from(JsonNode simulatorLimits, ClientBudgets budgets) {
        JsonNode limits = simulatorLimits.path("limits");
        Bucket createAccount = bucket(limits, "organizations:CreateAccount", "organizations:*")
                .tighter(budgets.accountServiceCreateAccount());
        Bucket createActivation =
                bucket(limits, "ssm:CreateActivation", "ssm:*").tighter(budgets.patchingCreateActivation());
        int inProgress =
                Math.min(budgets.accountServiceCreationsInProgress(), budgets.organizationsCreationsInProgress());
        return new Limits(createAccount, inProgress, budgets.creationSeconds(), createActivation);
    }

    private static Bucket bucket(JsonNode limits, String key, String fallback) {
        JsonNode limit = limits.has(key) ? limits.get(key) : limits.get(fallback);
        if (limit == null) {
            throw new IllegalArgumentException("the simulator reports no limit for " + key + " nor " + fallback);
        }
        return new Bucket(
                limit.get("ratePerSecond").asDouble(), limit.get("burst").asDouble());
    }
}
