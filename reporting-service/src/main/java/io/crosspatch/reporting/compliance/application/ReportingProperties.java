package io.crosspatch.reporting.compliance.application;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the reporting API reads the read model, under {@code crosspatch.reporting}. The default is here and nowhere
 * else. (The API's bearer tokens are {@code crosspatch.reporting.auth}, bound in {@code JwtDecoderConfiguration}.)
 *
 * @param summaryCacheTtl how long a tenant's computed summary is reused; default 1 s, so a dashboard with many
 *                        viewers costs the read model one computation a second per tenant; 0s reads the read model on
 *                        every request
 * @param retiredInstancesKeptFor how long a retired instance stays in the instance list (as RETIRED, counted nowhere)
 *                        after its retirement; default 30 days, a month of history for the people who look for
 *                        it, then its rows expire
 */
@ConfigurationProperties("crosspatch.reporting")
public record ReportingProperties(Duration summaryCacheTtl, Duration retiredInstancesKeptFor) {

    public ReportingProperties {
        summaryCacheTtl = summaryCacheTtl == null ? Duration.ofSeconds(1) : summaryCacheTtl;
        retiredInstancesKeptFor = retiredInstancesKeptFor == null ? Duration.ofDays(30) : retiredInstancesKeptFor;
        if (retiredInstancesKeptFor.isNegative() || retiredInstancesKeptFor.isZero()) {
            throw new IllegalArgumentException("crosspatch.reporting.retired-instances-kept-for must be positive");
        }
    }
}
