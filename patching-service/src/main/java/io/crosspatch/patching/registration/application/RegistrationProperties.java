package io.crosspatch.patching.registration.application;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How registrations are watched, under {@code crosspatch.patching.registration}. The defaults are here and nowhere
 * else; the two intervals are also kept as strings, the fallback of the watcher's {@code @Scheduled} placeholders (ISO-8601, which java.time alone parses).
 *
 * @param interval           how often each owned system account is asked which activations turned into managed
 *                           nodes; default 30 s, as a waiting VM learns it is REGISTERED only from this sweep
 * @param auditInterval      how often nodes nobody enrolled are looked for (and deregistered); default 10 min
 * @param accountConcurrency system accounts watched side by side; default 8, at least 1
 */
@ConfigurationProperties("crosspatch.patching.registration")
public record RegistrationProperties(Duration interval, Duration auditInterval, Integer accountConcurrency) {

    public static final String DEFAULT_INTERVAL = "PT30S";
    public static final String DEFAULT_AUDIT_INTERVAL = "PT10M";

    public RegistrationProperties {
        interval = interval == null ? Duration.parse(DEFAULT_INTERVAL) : interval;
        auditInterval = auditInterval == null ? Duration.parse(DEFAULT_AUDIT_INTERVAL) : auditInterval;
        accountConcurrency = accountConcurrency == null ? 8 : accountConcurrency;
        if (accountConcurrency < 1) {
            throw new IllegalArgumentException(
                    "crosspatch.patching.registration.account-concurrency must be at least 1");
        }
    }
}
