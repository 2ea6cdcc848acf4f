package io.crosspatch.servicekit.time;

import java.net.URI;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the service's clock comes from, under {@code crosspatch.time}.
 *
 * @param simulatorClock the cloud simulator's clock endpoint ({@code http://<simulator>/_sim/clock}) whose offset the
 *                       service's clock follows, so that the times it sends the simulated AWS agree with the
 *                       simulator's clock after a demo or a test moved it ahead; the local platform sets it for
 *                       patching-service, whose activation expiry SSM checks against its own clock. Default none: the
 *                       system clock, the only setting for real AWS
 */
@ConfigurationProperties("crosspatch.time")
public record TimeProperties(@Nullable URI simulatorClock) {

    public TimeProperties {
        if (simulatorClock != null
                && !("http".equals(simulatorClock.getScheme()) || "https".equals(simulatorClock.getScheme()))) {
            throw new IllegalArgumentException(
                    "crosspatch.time.simulator-clock must be an http(s) URL, was " + simulatorClock);
        }
    }
}
