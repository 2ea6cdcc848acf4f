package io.crosspatch.identity.enrollment.application;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the enrollment status view is fed, under {@code crosspatch.identity.status}. The default is here and nowhere
 * else; it is also kept as a string, the fallback of the status listener's {@code @KafkaListener} placeholder.
 *
 * @param concurrency consumer threads per topic feeding the status view (identity.verified, account.ready,
 *                    instance.activated, enrollment.failed; six partitions each); default 3: with one thread a topic
 *                    fell thousands of records behind in a 100,000-VM benchmark, and a VM learns of its activation
 *                    only from this view
 */
@ConfigurationProperties("crosspatch.identity.status")
public record StatusViewProperties(Integer concurrency) {

    public static final String DEFAULT_CONCURRENCY = "3";

    public StatusViewProperties {
        concurrency = concurrency == null ? Integer.parseInt(DEFAULT_CONCURRENCY) : concurrency;
    }
}
