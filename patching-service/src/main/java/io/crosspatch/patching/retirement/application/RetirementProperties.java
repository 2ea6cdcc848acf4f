package io.crosspatch.patching.retirement.application;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * When instances retire on their own, under {@code crosspatch.retirement}.
 *
 * @param connectionLostAfter       how long a node may stay ConnectionLost (counted from its last ping) before it
 *                                  is retired; default 30 days: SSM already reports ConnectionLost only after an
 *                                  agent missed its pings, so this is about VMs that are gone rather than rebooting,
 *                                  and cloud providers commonly keep a deleted VM's record about 30 days, so a VM
 *                                  still absent after that is not coming back
 * @param tenantConnectionLostAfter per-tenant overrides of {@code connection-lost-after}, tenant id to duration
 *                                  (e.g. {@code crosspatch.retirement.tenant-connection-lost-after.acme=7d})
 * @param recoveryInterval          how often retirements interrupted half-way (a crash, an outage) are finished;
 *                                  default 5 min
 */
@ConfigurationProperties("crosspatch.retirement")
public record RetirementProperties(
        Duration connectionLostAfter, Map<String, Duration> tenantConnectionLostAfter, Duration recoveryInterval) {

    public static final String DEFAULT_CONNECTION_LOST_AFTER = "P30D";
    public static final String DEFAULT_RECOVERY_INTERVAL = "PT5M";

    public RetirementProperties {
        connectionLostAfter =
                connectionLostAfter == null ? Duration.parse(DEFAULT_CONNECTION_LOST_AFTER) : connectionLostAfter;
        tenantConnectionLostAfter =
                tenantConnectionLostAfter == null ? Map.of() : Map.copyOf(tenantConnectionLostAfter);
        recoveryInterval = recoveryInterval == null ? Duration.parse(DEFAULT_RECOVERY_INTERVAL) : recoveryInterval;
    }
}
