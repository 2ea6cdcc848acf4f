package io.crosspatch.servicekit.config;

import org.jspecify.annotations.Nullable;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;

/**
 * {@code crosspatch.management.default-port}, the default of {@code management.server.port} when {@code
 * MANAGEMENT_SERVER_PORT} is not set (see {@code crosspatch-defaults.yml}): the HTTP port plus 1000 (identity 9080, account
 * 9082, patching 9083, reporting 9084), and a random port when the HTTP port is random (tests). Actuator — health
 * with its details, the probes, Prometheus — then never shares the public port: it is for the orchestrator and the
 * metrics scraper on the internal network, not for the callers of the API. Computed when asked, not when the
 * environment is prepared, so a {@code server.port} set later (a test's random port, a command-line argument) is
 * the one it follows.
 */
final class ManagementPortPropertySource extends PropertySource<Object> {

    static final String NAME = "crosspatchManagementPort";
    static final String PROPERTY = "crosspatch.management.default-port";
    static final int OFFSET = 1000;

    /**
     * Held beside, not as, the source: Spring Boot reads a property source whose source is an environment as that
     * environment's sources, which would include this one again.
     */
    private final ConfigurableEnvironment environment;

    ManagementPortPropertySource(ConfigurableEnvironment environment) {
        super(NAME, new Object());
        this.environment = environment;
    }

    @Override
    public @Nullable Object getProperty(String name) {
        if (!PROPERTY.equals(name)) {
            return null;
        }
        int serverPort = environment.getProperty("server.port", Integer.class, 8080);
        if (serverPort <= 0) {
            return serverPort;
        }
        return serverPort + OFFSET;
    }
}
