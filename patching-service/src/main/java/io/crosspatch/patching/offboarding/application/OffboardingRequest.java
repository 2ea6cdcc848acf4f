package io.crosspatch.patching.offboarding.application;

import io.crosspatch.kernel.CloudAccountKey;
import java.time.Instant;

/** An admin's offboarding of a cloud account, as {@code account.offboarded} tells it. */
public record OffboardingRequest(CloudAccountKey cloudAccountKey, String tenantId, Instant offboardedAt) {}
