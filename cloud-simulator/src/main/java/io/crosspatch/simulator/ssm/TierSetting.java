package io.crosspatch.simulator.ssm;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The activation-tier service setting of one account and region as GetServiceSetting shows it: its value, whether
 * it is AWS's default or the customer's, when and by whom it was last changed.
 */
public record TierSetting(
        ActivationTier tier,
        boolean customized,
        @Nullable Instant lastModifiedDate,
        @Nullable String lastModifiedUser) {

    static final TierSetting DEFAULT = new TierSetting(ActivationTier.STANDARD, false, null, null);
}
