package io.crosspatch.reporting.compliance.web;

import io.crosspatch.kernel.CloudProvider;
import io.crosspatch.reporting.compliance.application.InstanceFilter;
import io.crosspatch.reporting.compliance.application.InstancePage;
import io.crosspatch.reporting.compliance.application.ReportingQueries;
import io.crosspatch.reporting.compliance.application.ReportingQueries.Summary;
import io.crosspatch.reporting.security.Caller;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The tenant-scoped reporting API. Every method first checks that the token may read the tenant in
 * the path, then reads only that tenant's partitions: another tenant's data is out of reach by construction,
 * whatever id a caller guesses. Path and query values are shape-checked first ({@link QueryInput}).
 */
@RestController
@RequestMapping("/v1/tenants/{tenantId}")
class ReportingController {

    static final int DEFAULT_PAGE_SIZE = 100;
    static final int MAX_PAGE_SIZE = 500;

    private final ReportingQueries queries;

    public ReportingController(ReportingQueries queries) {
        this.queries = queries;
    }

    @GetMapping("/summary")
    public SummaryView summary(@AuthenticationPrincipal Jwt jwt, @PathVariable String tenantId) {
        Caller.of(jwt).requireAccessTo(QueryInput.tenant(tenantId));
        Summary summary = queries.summary(tenantId);
        List<SummaryView.AccountRow> accounts = summary.accounts().entrySet().stream()
                .map(entry -> SummaryView.AccountRow.of(entry.getKey(), entry.getValue()))
                .toList();
        return new SummaryView(tenantId, accounts, SummaryView.Figures.of(summary.totals()));
    }

    @GetMapping("/instances")
    public InstancePageView instances(
            @AuthenticationPrincipal Jwt jwt,
            @PathVariable String tenantId,
            @RequestParam(required = false) String provider,
            @RequestParam(required = false) String cloudAccountId,
            @RequestParam(required = false) String patchGroup,
            @RequestParam(required = false) String pageToken,
            @RequestParam(required = false) Integer pageSize) {
        Caller.of(jwt).requireAccessTo(QueryInput.tenant(tenantId));
        InstanceFilter filter = new InstanceFilter(
                provider(provider),
                QueryInput.id("cloudAccountId", blankToNull(cloudAccountId)),
                QueryInput.patchGroup(blankToNull(patchGroup)));
        InstancePage page =
                queries.instances(tenantId, filter, pageSize(pageSize), QueryInput.pageToken(blankToNull(pageToken)));
        return new InstancePageView(
                page.instances().stream().map(InstanceView::of).toList(), page.nextPageToken());
    }

    @GetMapping("/instances/{instanceId}/updates")
    public UpdatesView updates(
            @AuthenticationPrincipal Jwt jwt,
            @PathVariable String tenantId,
            @PathVariable String instanceId,
            @RequestParam(required = false) String provider,
            @RequestParam(required = false) String cloudAccountId) {
        Caller.of(jwt).requireAccessTo(QueryInput.tenant(tenantId));
        return UpdatesView.of(queries.updates(
                tenantId,
                QueryInput.requiredId("instanceId", instanceId),
                provider(provider),
                QueryInput.id("cloudAccountId", blankToNull(cloudAccountId))));
    }

    @GetMapping("/enrollment-failures")
    public List<EnrollmentFailureView> enrollmentFailures(
            @AuthenticationPrincipal Jwt jwt, @PathVariable String tenantId) {
        Caller.of(jwt).requireAccessTo(QueryInput.tenant(tenantId));
        return queries.enrollmentFailures(tenantId).stream()
                .map(EnrollmentFailureView::of)
                .toList();
    }

    /** A provider in any case ({@code gcp}, {@code GCP}), or null for no filter. */
    private static @Nullable CloudProvider provider(@Nullable String provider) {
        String value = blankToNull(provider);
        if (value == null) {
            return null;
        }
        try {
            return CloudProvider.parse(value);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("INVALID_PROVIDER", "provider must be one of gcp, azure, aws, vmware");
        }
    }

    private static int pageSize(Integer pageSize) {
        if (pageSize == null) {
            return DEFAULT_PAGE_SIZE;
        }
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            throw new BadRequestException("INVALID_PAGE_SIZE", "pageSize must be between 1 and " + MAX_PAGE_SIZE);
        }
        return pageSize;
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
