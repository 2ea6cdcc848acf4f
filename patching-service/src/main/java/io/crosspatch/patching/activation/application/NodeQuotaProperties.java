package io.crosspatch.patching.activation.application;

import io.crosspatch.patching.activation.domain.NodeQuota;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * SSM's standard-tier node quota and what to do before an account reaches it, under
 * {@code crosspatch.patching.node-quota}. The defaults are here and nowhere else.
 *
 * @param standardQuota hybrid-activated nodes one account may register per region in SSM's standard-instances tier;
 *                      default 1000 (AWS's quota)
 * @param threshold     share of the quota that registered nodes plus outstanding activations may reach before the
 *                      account is switched to the advanced-instances tier (action advance); default 0.9
 * @param action        advance (default): switch the account to the advanced-instances tier, charged per node;
 *                      refuse: keep the standard tier and fail enrollments beyond the quota with NODE_QUOTA_REACHED
 */
@ConfigurationProperties("crosspatch.patching.node-quota")
public record NodeQuotaProperties(Integer standardQuota, Double threshold, NodeQuota.Action action) {

    public NodeQuotaProperties {
        standardQuota = standardQuota == null ? 1000 : standardQuota;
        threshold = threshold == null ? 0.9 : threshold;
        action = action == null ? NodeQuota.Action.ADVANCE : action;
    }

    public NodeQuota quota() {
        return new NodeQuota(standardQuota, threshold, action);
    }
}
