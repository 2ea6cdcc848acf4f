package io.crosspatch.patching.systemaccount.aws;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How patching-service reaches AWS: the management credentials it assumes roles with, an endpoint override
 * (the cloud simulator locally and in tests; empty in production), the SDK's retry attempts, the assumed
 * sessions' length, and the client-side request rates per account and API.
 *
 * @param endpoint                 endpoint override for STS and SSM; null for AWS itself
 * @param stsRegion                the region STS is called in
 * @param managementAccessKeyId    the management account's key id (from the environment, never committed)
 * @param managementSecretAccessKey its secret
 * @param maxAttempts              attempts per call, throttling retried with the SDK's back-off
 * @param sessionDuration          length of assumed-role sessions (refreshed before they expire)
 * @param defaultRatePerSecond     client-side rate per account and API where no rate is configured
 * @param defaultBurst             and its burst
 * @param rates                    per-operation rates, e.g. {@code CreateActivation: 8}
 * @param maxConnectionsPerAccount HTTP connections one account's client may hold
 */
@ConfigurationProperties("crosspatch.aws")
public record AwsProperties(URI endpoint, String stsRegion, String managementAccessKeyId,
        String managementSecretAccessKey, int maxAttempts, Duration sessionDuration, double defaultRatePerSecond,
        int defaultBurst, Map<String, Double> rates, int maxConnectionsPerAccount) {

    public AwsProperties {
        rates = rates == null ? Map.of() : Map.copyOf(rates);
    }

    /** Everything but the secret key, so the properties can be logged or shown in a failure. */
    @Override
    public String toString() {
        return "AwsProperties[endpoint=" + endpoint + ", stsRegion=" + stsRegion + ", managementAccessKeyId="
                + managementAccessKeyId + ", managementSecretAccessKey="
                + (managementSecretAccessKey == null || managementSecretAccessKey.isBlank() ? "<none>" : "<redacted>")
                + ", maxAttempts=" + maxAttempts + ", sessionDuration=" + sessionDuration + ", defaultRatePerSecond="
                + defaultRatePerSecond + ", defaultBurst=" + defaultBurst + ", rates=" + rates
                + ", maxConnectionsPerAccount=" + maxConnectionsPerAccount + "]";
    }
}
