package io.crosspatch.reporting.compliance.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The summary's figures follow from the instances' states, and add up across buckets and accounts. */
class AccountFiguresTest {

    private static InstanceFigures reporting(
            boolean online, int missing, boolean agentOutdated, int failed, String lastRun) {
        return new InstanceFigures("Prod", true, online, missing, agentOutdated, failed, 0, lastRun);
    }

    private static InstanceFigures activatedOnly() {
        return new InstanceFigures(null, false, false, 0, false, 0, 0, null);
    }

    @Test
    void countsEachFigureOfReportingInstances() {
        AccountFigures figures = AccountFigures.sum(List.of(
                reporting(true, 3, false, 0, "SUCCEEDED"),
                reporting(false, 0, true, 2, "FAILED"),
                reporting(true, 1, true, 0, null)));

        assertThat(figures.instances()).isEqualTo(3);
        assertThat(figures.online()).isEqualTo(2);
        assertThat(figures.pendingOsUpdates()).isEqualTo(4);
        assertThat(figures.instancesWithPendingOsUpdates()).isEqualTo(2);
        assertThat(figures.pendingAgentUpdates()).isEqualTo(2);
        assertThat(figures.failedUpdates()).isEqualTo(2);
        assertThat(figures.instancesWithFailedUpdates()).isEqualTo(1);
        assertThat(figures.lastRunSucceeded()).isEqualTo(1);
        assertThat(figures.lastRunFailed()).isEqualTo(1);
        assertThat(figures.runSuccessRate()).isEqualTo(0.5);
        assertThat(figures.cloudAccountName()).isEqualTo("Prod");
    }

    @Test
    void activatedInstanceCountsWithUnknownPatchStateOnly() {
        AccountFigures figures = AccountFigures.sum(List.of(activatedOnly()));

        assertThat(figures.instances()).isEqualTo(1);
        assertThat(figures.unknownPatchState()).isEqualTo(1);
        assertThat(figures.online()).isZero();
        assertThat(figures.runSuccessRate()).isNull();
    }

    @Test
    void bucketsAddUpToTheSameFiguresAsAllInstancesAtOnce() {
        List<InstanceFigures> bucketA = List.of(reporting(true, 2, false, 1, "SUCCEEDED"), activatedOnly());
        List<InstanceFigures> bucketB = List.of(reporting(false, 5, true, 0, "FAILED"));

        AccountFigures added = AccountFigures.sum(bucketA).plus(AccountFigures.sum(bucketB));

        assertThat(added).isEqualTo(AccountFigures.sum(List.of(bucketA.get(0), bucketA.get(1), bucketB.get(0))));
    }

    @Test
    void bucketOfAnInstanceIsStableAndInRange() {
        assertThat(FigureBuckets.of("i-0abc"))
                .isEqualTo(FigureBuckets.of("i-0abc"))
                .isBetween(0, FigureBuckets.COUNT - 1);
        assertThat(FigureBuckets.of("")).isBetween(0, FigureBuckets.COUNT - 1);
    }
}
