package io.crosspatch.reporting.compliance.application;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A page of instances.
 *
 * @param instances     the instances of the page
 * @param nextPageToken the opaque token of the next page, null on the last page
 */
public record InstancePage(
        List<InstanceListing> instances, @Nullable String nextPageToken) {}
