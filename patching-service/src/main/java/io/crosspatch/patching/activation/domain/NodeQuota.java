package io.crosspatch.patching.activation.domain;

/**
 * SSM's standard-instances tier registers at most {@code standardQuota} hybrid nodes per account and region (AWS:
 * 1,000); a node beyond it is refused at registration, which for Crosspatch would surface only when its activation
 * expires a day later. So the count is checked before activations are issued: with {@link Action#ADVANCE} the
 * account is switched to the advanced-instances tier once nodes and outstanding activations would reach
 * {@code threshold} of the quota; with {@link Action#REFUSE} enrollments beyond the quota fail at once.
 *
 * @param standardQuota hybrid nodes per account and region in the standard tier
 * @param threshold     share of the quota (0 to 1] at which ADVANCE switches tiers
 * @param action        what to do when the quota would be reached
 */
public record NodeQuota(int standardQuota, double threshold, Action action) {

    /** What Crosspatch does about an account that would outgrow the standard tier. */
    public enum Action {
        /** Switch the account to the advanced-instances tier (charged per node) before the quota is reached. */
        ADVANCE,
        /** Stay in the standard tier and fail enrollments beyond the quota with {@code NODE_QUOTA_REACHED}. */
        REFUSE
    }

    public NodeQuota {
        if (standardQuota < 1) {
            throw new IllegalArgumentException("standard quota must be at least 1, was " + standardQuota);
        }
        if (!(threshold > 0 && threshold <= 1)) {
            throw new IllegalArgumentException("threshold must be in (0, 1], was " + threshold);
        }
    }

    /** Nodes plus outstanding activations at which ADVANCE switches tiers. */
    public int switchAt() {
        return Math.max(1, (int) Math.ceil(standardQuota * threshold));
    }

    /** Whether {@code incoming} more activations on top of {@code committed} call for the tier to be looked at. */
    public boolean reached(int committed, int incoming) {
        int projected = committed + incoming;
        return action == Action.ADVANCE ? projected >= switchAt() : projected > standardQuota;
    }

    /** How many more activations fit in the standard tier. */
    public int room(int committed) {
        return Math.max(0, standardQuota - committed);
    }
}
