package io.crosspatch.bench.storm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.crosspatch.bench.storm.TheoreticalMinimum.Bucket;
import io.crosspatch.bench.storm.TheoreticalMinimum.Limits;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class TheoreticalMinimumTest {

    /** The simulator's defaults: CreateAccount 1/s burst 5, 5 in progress of 2 s; CreateActivation 10/s burst 20. */
    private static final Limits SIMULATOR = new Limits(new Bucket(1, 5), 5, 2, new Bucket(10, 20));

    @Test
    void existingAccountsAreBoundByTheirBusiestAccountsActivations() {
        // given 3 existing accounts, the busiest with 120 VMs: 20 at once, then 100 at 10/s
        double floor = TheoreticalMinimum.seconds(SIMULATOR, List.of(), List.of(50, 120, 10));

        assertThat(floor).isCloseTo(10.0, within(1e-9));
    }

    @Test
    void accountsWithinTheBurstsCostOnlyTheCreation() {
        double floor = TheoreticalMinimum.seconds(SIMULATOR, List.of(20, 20), List.of(20));

        assertThat(floor).isCloseTo(2.0, within(1e-9));
    }

    @Test
    void newAccountsBeyondTheBurstWaitForCreateAccountTokens() {
        // given 100 new accounts of 50 VMs: the 100th is created at (100 - 5) / 1 = 95 s, ready at 97 s,
        // and its 50 activations need (50 - 20) / 10 = 3 s more
        double floor =
                TheoreticalMinimum.seconds(SIMULATOR, Collections.nCopies(100, 50), Collections.nCopies(100, 50));

        assertThat(floor).isCloseTo(100.0, within(1e-9));
    }

    @Test
    void theBusiestNewAccountIsCreatedFirst() {
        // given one new account of 220 VMs among 9 small ones: created first (ready at 2 s), 20 s of activations
        List<Integer> newAccounts = List.of(1, 1, 1, 1, 1, 1, 1, 1, 1, 220);

        double floor = TheoreticalMinimum.seconds(SIMULATOR, newAccounts, List.of());

        assertThat(floor).isCloseTo(22.0, within(1e-9));
    }

    @Test
    void theInProgressCapSlowsCreationsBelowTheCallRate() {
        // given creations that last 10 s with 5 in progress: 0.5 creations/s, below CreateAccount's 1/s
        Limits slowCreations = new Limits(new Bucket(1, 5), 5, 10, new Bucket(10, 20));

        double floor = TheoreticalMinimum.seconds(slowCreations, Collections.nCopies(15, 1), List.of());

        assertThat(floor).isCloseTo((15 - 5) / 0.5 + 10, within(1e-9));
    }

    @Test
    void aClientBudgetBelowTheServersLimitIsTheOneThatCounts() {
        Bucket simulator = new Bucket(10, 20);
        Bucket patchingService = new Bucket(8, 8);

        assertThat(simulator.tighter(patchingService)).isEqualTo(new Bucket(8, 8));
        assertThat(TheoreticalMinimum.seconds(
                        new Limits(new Bucket(1, 5), 5, 2, simulator.tighter(patchingService)), List.of(), List.of(88)))
                .isCloseTo(10.0, within(1e-9));
    }
}
