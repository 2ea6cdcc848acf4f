package io.crosspatch.servicekit.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** The management port follows the HTTP port (+1000), is random when that is, and MANAGEMENT_SERVER_PORT overrides it. */
class ManagementPortPropertySourceTest {

    @Test
    void shouldPutActuatorOnTheHttpPortPlusAThousand() {
        assertThat(managementPort(Map.of("server.port", "8082"))).isEqualTo(9082);
        assertThat(managementPort(Map.of())).isEqualTo(9080);
    }

    @Test
    void shouldPickARandomManagementPortWhenTheHttpPortIsRandom() {
        assertThat(managementPort(Map.of("server.port", "0"))).isZero();
    }

    @Test
    void shouldLetManagementServerPortOverrideTheDefault() {
        assertThat(managementPort(Map.of("server.port", "8082"), Map.of("MANAGEMENT_SERVER_PORT", "7000")))
                .isEqualTo(7000);
    }

    private static int managementPort(Map<String, Object> properties) {
        return managementPort(properties, Map.of());
    }

    private static int managementPort(Map<String, Object> properties, Map<String, Object> variables) {
        StandardEnvironment environment = new StandardEnvironment();
        environment
                .getPropertySources()
                .replace(
                        StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                        new SystemEnvironmentPropertySource(
                                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables));
        environment.getPropertySources().addFirst(new MapPropertySource("test", properties));
        new ServiceDefaultsEnvironmentPostProcessor().postProcessEnvironment(environment, new SpringApplication());
        return Binder.get(environment)
                .bind("management.server.port", Integer.class)
                .get();
    }
}
