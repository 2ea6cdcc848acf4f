package io.crosspatch.reporting.compliance.web;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * {@code GET /v1/tenants/{tenantId}/instances}: a page of instances.
 *
 * @param instances     the instances of this page
 * @param nextPageToken opaque token for the next page ({@code pageToken=}), absent on the last page
 */
record InstancePageView(
        List<InstanceView> instances, @Nullable String nextPageToken) {}
