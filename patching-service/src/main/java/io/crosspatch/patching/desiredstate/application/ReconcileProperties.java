package io.crosspatch.patching.desiredstate.application;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How often every owned system account's SSM is read and brought back to the desired state, under
 * {@code crosspatch.patching.reconcile}. The default is here and nowhere else; it is also kept as a string, the
 * fallback of the schedule's placeholder (ISO-8601, which java.time alone parses).
 *
 * @param interval time within which every owned system account is reconciled once (a changed policy reaches every
 *                 account, drift is repaired); the accounts are spread evenly over it; default 1 h
 */
@ConfigurationProperties("crosspatch.patching.reconcile")
public record ReconcileProperties(Duration interval) {

    public static final String DEFAULT_INTERVAL = "PT1H";

    public ReconcileProperties {
        interval = interval == null ? Duration.parse(DEFAULT_INTERVAL) : interval;
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("crosspatch.patching.reconcile.interval must be positive");
        }
    }
}
