package io.crosspatch.patching.compliance.application;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How often compliance is collected, and how many system accounts are collected side by side, under
 * {@code crosspatch.patching.compliance}. The defaults are here and nowhere else; the interval is also kept as a
 * string, the fallback of the collector's {@code @Scheduled} placeholder (ISO-8601, which java.time alone parses).
 *
 * @param interval           time between two collections of every owned system account; default 15 min, well inside
 *                           the hour a maintenance window's results take to matter on the dashboard
 * @param accountConcurrency system accounts collected side by side; default 8
 */
@ConfigurationProperties("crosspatch.patching.compliance")
public record ComplianceProperties(Duration interval, Integer accountConcurrency) {

    public static final String DEFAULT_INTERVAL = "PT15M";

    public ComplianceProperties {
        interval = interval == null ? Duration.parse(DEFAULT_INTERVAL) : interval;
        accountConcurrency = accountConcurrency == null ? 8 : accountConcurrency;
    }
}
