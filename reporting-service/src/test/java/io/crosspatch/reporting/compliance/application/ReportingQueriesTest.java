package io.crosspatch.reporting.compliance.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crosspatch.kernel.CloudAccountKey;
import io.crosspatch.kernel.CloudProvider;
import io.crosspatch.reporting.compliance.domain.AccountFigures;
import io.crosspatch.reporting.compliance.domain.AccountRef;
import io.crosspatch.reporting.compliance.domain.BucketRef;
import io.crosspatch.reporting.compliance.domain.EnrollmentFailure;
import io.crosspatch.reporting.compliance.domain.InstanceFigures;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The query rules of the reporting API against an in-memory read model: no Cassandra, milliseconds. */
class ReportingQueriesTest {

    private static final String TENANT = "acme";
    private static final CloudAccountKey GCP_PROD = new CloudAccountKey(CloudProvider.GCP, "prod");
    private static final CloudAccountKey AZURE_PROD = new CloudAccountKey(CloudProvider.AZURE, "prod");

    private final InMemoryReadModel readModel = new InMemoryReadModel();
    private final ReportingQueries queries =
            new ReportingQueries(readModel, readModel, new ReportingProperties(Duration.ZERO, null), Clock.systemUTC());

    @Test
    void shouldFindTheOneInstanceWithAnIdWhenNoProviderIsNamed() {
        readModel.updates.add(instance(GCP_PROD, "vm-1"));

        assertThat(queries.updates(TENANT, "vm-1", null, null).node().account()).isEqualTo(GCP_PROD);
    }

    @Test
    void shouldNarrowAnInstanceIdSharedAcrossProvidersToTheNamedProvider() {
        readModel.updates.add(instance(GCP_PROD, "vm-1"));
        readModel.updates.add(instance(AZURE_PROD, "vm-1"));

        assertThat(queries.updates(TENANT, "vm-1", CloudProvider.AZURE, null)
                        .node()
                        .account())
                .isEqualTo(AZURE_PROD);
        assertThat(queries.updates(TENANT, "vm-1", CloudProvider.GCP, "prod")
                        .node()
                        .account())
                .isEqualTo(GCP_PROD);
    }

    @Test
    void shouldRefuseAnInstanceIdSharedAcrossAccountsWhenTheCallerDidNotSayWhich() {
        readModel.updates.add(instance(GCP_PROD, "vm-1"));
        readModel.updates.add(instance(AZURE_PROD, "vm-1"));

        assertThatThrownBy(() -> queries.updates(TENANT, "vm-1", null, "prod"))
                .isInstanceOf(AmbiguousInstanceException.class)
                .hasMessageContaining("2 cloud accounts");
    }

    @Test
    void shouldAnswerNotFoundWhenTheNamedProviderHasNoSuchInstance() {
        readModel.updates.add(instance(GCP_PROD, "vm-1"));

        assertThatThrownBy(() -> queries.updates(TENANT, "vm-1", CloudProvider.AWS, null))
                .isInstanceOf(InstanceNotFoundException.class);
    }

    @Test
    void shouldSumTheAccountsIntoNamelessTotalsKeepingEachAccountByItsKey() {
        readModel.figures.put(GCP_PROD, figures("Production", 3));
        readModel.figures.put(AZURE_PROD, figures("Azure production", 2));

        ReportingQueries.Summary summary = queries.summary(TENANT);

        assertThat(summary.accounts()).containsOnlyKeys(GCP_PROD, AZURE_PROD);
        assertThat(summary.totals().instances()).isEqualTo(5);
        assertThat(summary.totals().cloudAccountName()).isNull();
    }

    private static InstanceUpdates instance(CloudAccountKey account, String instanceId) {
        return new InstanceUpdates(
                new InstanceListing.Node(account, instanceId, null, null, null),
                new InstanceListing.Setup("UBUNTU", "on-time", null),
                null,
                List.of());
    }

    /** An account of {@code instances} activated instances without a patch result yet. */
    private static AccountFigures figures(String name, int instances) {
        InstanceFigures activated = new InstanceFigures(name, false, false, 0, false, 0, 0, null);
        return AccountFigures.sum(Collections.nCopies(instances, activated));
    }

    /** A read model in memory: what the test put in is what the queries read. */
    private static final class InMemoryReadModel implements ReadModelReader, FiguresStore {

        private final List<InstanceUpdates> updates = new ArrayList<>();
        private final Map<CloudAccountKey, AccountFigures> figures = new LinkedHashMap<>();

        @Override
        public InstancePage instances(String tenantId, InstanceFilter filter, int pageSize, String pageToken) {
            return new InstancePage(List.of(), null);
        }

        @Override
        public List<InstanceUpdates> updates(String tenantId, String instanceId) {
            return updates.stream()
                    .filter(found -> found.node().instanceId().equals(instanceId))
                    .toList();
        }

        @Override
        public List<EnrollmentFailure> enrollmentFailures(String tenantId) {
            return List.of();
        }

        @Override
        public CompletableFuture<Void> recompute(BucketRef bucket) {
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public CompletableFuture<Void> recompute(AccountRef account) {
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public Map<CloudAccountKey, AccountFigures> figuresOf(String tenantId) {
            return new LinkedHashMap<>(figures);
        }
    }
}
