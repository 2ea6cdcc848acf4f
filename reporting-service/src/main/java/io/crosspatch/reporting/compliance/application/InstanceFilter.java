package io.crosspatch.reporting.compliance.application;

import io.crosspatch.kernel.CloudProvider;
import org.jspecify.annotations.Nullable;

/**
 * The filters of the instance list; each may be null (no filter).
 *
 * @param provider       the provider
 * @param cloudAccountId the cloud account
 * @param patchGroup     the patch group
 */
public record InstanceFilter(
        @Nullable CloudProvider provider,
        @Nullable String cloudAccountId,
        @Nullable String patchGroup) {}
