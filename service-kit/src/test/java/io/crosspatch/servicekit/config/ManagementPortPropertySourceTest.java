package io.crosspatch.servicekit.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/** The management port follows the HTTP port (+1000), is random when that is, and MANAGEMENT_PORT overrides it. */
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
    void shouldLetManagementPortOverrideTheDefault() {
        assertThat(managementPort(Map.of("server.port", "8082", "MANAGEMENT_PORT", "7000"))).isEqualTo(7000);
    }

    private static int managementPort(Map<String, Object> properties) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", properties));
        new ServiceDefaultsEnvironmentPostProcessor().postProcessEnvironment(environment, new SpringApplication());
        return Binder.get(environment).bind("management.server.port", Integer.class).get();
    }
}
