package io.crosspatch.patching.inventory.application;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How often inventory is collected, and how many system accounts are collected side by side, under
 * {@code crosspatch.patching.inventory}. The defaults are here and nowhere else; the interval is also kept as a
 * string, the fallback of the collector's {@code @Scheduled} placeholder.
 *
 * @param interval           time between two collections of every owned system account; default 1 h — SSM gathers
 *                           inventory daily, and an unchanged node costs two small reads per collection
 * @param accountConcurrency system accounts collected side by side; default 4, so inventory never takes more than
 *                           half of compliance collection's threads
 */
@ConfigurationProperties("crosspatch.patching.inventory")
public record InventoryProperties(Duration interval, Integer accountConcurrency) {

    public static final String DEFAULT_INTERVAL = "PT1H";

    public InventoryProperties {
        interval = interval == null ? Duration.parse(DEFAULT_INTERVAL) : interval;
        accountConcurrency = accountConcurrency == null ? 4 : accountConcurrency;
    }
}
