package io.crosspatch.reporting.compliance.application;

import io.crosspatch.kernel.CloudAccountKey;
import io.crosspatch.kernel.CloudProvider;
import io.crosspatch.reporting.compliance.domain.AccountFigures;
import io.crosspatch.reporting.compliance.domain.EnrollmentFailure;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;

/**
 * What the reporting API asks of the read model, for one tenant at a time. Callers have checked that the
 * caller may read the tenant; everything here stays inside that tenant's partitions.
 */
@Service
@EnableConfigurationProperties(ReportingProperties.class)
public class ReportingQueries {

    private final FiguresStore figures;
    private final ReadModelReader queries;
    private final SummaryCache<Summary> summaries;

    public ReportingQueries(
            FiguresStore figures, ReadModelReader queries, ReportingProperties properties, Clock clock) {
        this.figures = figures;
        this.queries = queries;
        this.summaries = new SummaryCache<>(properties.summaryCacheTtl(), clock);
    }

    /** The figures per cloud account and their totals, at most the summary cache's time-to-live old. */
    public Summary summary(String tenantId) {
        return summaries.get(tenantId, this::computeSummary);
    }

    private Summary computeSummary(String tenantId) {
        Map<CloudAccountKey, AccountFigures> accounts = figures.figuresOf(tenantId);
        AccountFigures totals = accounts.values().stream()
                .reduce(AccountFigures.EMPTY, AccountFigures::plus)
                .withoutName();
        return new Summary(accounts, totals);
    }

    /** A page of the tenant's instances. */
    public InstancePage instances(String tenantId, InstanceFilter filter, int pageSize, @Nullable String pageToken) {
        return queries.instances(tenantId, filter, pageSize, pageToken);
    }

    /**
     * The instance with this provider instance id in the tenant, narrowed to a provider and cloud account
     * when given; throws when there is none, or several and the caller did not say which.
     */
    public InstanceUpdates updates(
            String tenantId, String instanceId, @Nullable CloudProvider provider, @Nullable String cloudAccountId) {
        List<InstanceUpdates> matches = queries.updates(tenantId, instanceId).stream()
                .filter(found -> provider == null || found.node().account().provider() == provider)
                .filter(found -> cloudAccountId == null
                        || found.node().account().cloudAccountId().equals(cloudAccountId))
                .toList();
        if (matches.isEmpty()) {
            throw new InstanceNotFoundException(instanceId);
        }
        if (matches.size() > 1) {
            throw new AmbiguousInstanceException(instanceId, matches.size());
        }
        return matches.get(0);
    }

    /** The tenant's enrollments that never became instances. */
    public List<EnrollmentFailure> enrollmentFailures(String tenantId) {
        return queries.enrollmentFailures(tenantId);
    }

    /**
     * A tenant's summary.
     *
     * @param accounts figures per cloud account, ordered by provider and account id
     * @param totals   the sum over all accounts
     */
    public record Summary(Map<CloudAccountKey, AccountFigures> accounts, AccountFigures totals) {}
}
