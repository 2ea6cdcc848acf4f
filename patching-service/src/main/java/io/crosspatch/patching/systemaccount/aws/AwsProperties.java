package io.crosspatch.patching.systemaccount.aws;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How patching-service reaches AWS, under {@code crosspatch.aws}: the management credentials it assumes roles with,
 * an endpoint override (the cloud simulator locally and in tests; empty in production), the SDK's retry attempts,
 * the assumed sessions' length, and the client-side request rates per account and API. account-service reads the
 * same keys for the same meanings ({@code endpoint}, {@code region}, {@code access-key-id},
 * {@code secret-access-key}), so one deployment sets them once. The defaults are here and nowhere else.
 *
 * @param endpoint                 endpoint override for STS and SSM; default none (AWS itself)
 * @param region                   the region STS is called in; default {@code us-east-1}
 * @param accessKeyId              the management account's key id, which assumes each system account's role
 *                                 (from the environment, never committed); required
 * @param secretAccessKey          its secret; required
 * @param maxAttempts              attempts per call, throttling retried with the SDK's back-off; default 10, so
 *                                 sustained throttling slows a sweep down instead of failing it
 * @param sessionDuration          length of assumed-role sessions (refreshed before they expire); default 1 h, the
 *                                 longest a role-chained session may last
 * @param defaultRatePerSecond     client-side requests per second per account and API where no rate is configured;
 *                                 default 15, below SSM's per-account limits
 * @param defaultBurst             requests such an API may take back to back; default 20
 * @param rates                    requests per second per account for single operations, e.g.
 *                                 {@code CreateActivation: 8}; each set entry replaces its default, the others stay
 *                                 (defaults: CreateActivation 8, DescribeInstanceInformation 30,
 *                                 DescribeInstancePatchStates 30, DescribeInstancePatches 30 — below AWS's and the
 *                                 simulator's limits for each)
 * @param maxConnectionsPerAccount HTTP connections one account's SSM client may hold; default 16
 */
@ConfigurationProperties("crosspatch.aws")
record AwsProperties(
        URI endpoint,
        String region,
        String accessKeyId,
        String secretAccessKey,
        Integer maxAttempts,
        Duration sessionDuration,
        Double defaultRatePerSecond,
        Integer defaultBurst,
        Map<String, Double> rates,
        Integer maxConnectionsPerAccount) {

    /** Per-operation rates nobody overrode: SSM's cheap reads faster than the default, activations slower. */
    public static final Map<String, Double> DEFAULT_RATES = Map.of(
            "CreateActivation",
            8.0,
            "DescribeInstanceInformation",
            30.0,
            "DescribeInstancePatchStates",
            30.0,
            "DescribeInstancePatches",
            30.0);

    public AwsProperties {
        endpoint = endpoint == null || endpoint.toString().isBlank() ? null : endpoint;
        region = region == null || region.isBlank() ? "us-east-1" : region;
        maxAttempts = maxAttempts == null ? 10 : maxAttempts;
        sessionDuration = sessionDuration == null ? Duration.ofHours(1) : sessionDuration;
        defaultRatePerSecond = defaultRatePerSecond == null ? 15.0 : defaultRatePerSecond;
        defaultBurst = defaultBurst == null ? 20 : defaultBurst;
        Map<String, Double> merged = new LinkedHashMap<>(DEFAULT_RATES);
        if (rates != null) {
            merged.putAll(rates);
        }
        rates = Map.copyOf(merged);
        maxConnectionsPerAccount = maxConnectionsPerAccount == null ? 16 : maxConnectionsPerAccount;
    }

    /** Everything but the secret key, so the properties can be logged or shown in a failure. */
    @Override
    public String toString() {
        return "AwsProperties[endpoint=" + endpoint + ", region=" + region + ", accessKeyId=" + accessKeyId
                + ", secretAccessKey="
                + (secretAccessKey == null || secretAccessKey.isBlank() ? "<none>" : "<redacted>")
                + ", maxAttempts=" + maxAttempts + ", sessionDuration=" + sessionDuration + ", defaultRatePerSecond="
                + defaultRatePerSecond + ", defaultBurst=" + defaultBurst + ", rates=" + rates
                + ", maxConnectionsPerAccount=" + maxConnectionsPerAccount + "]";
    }
}
