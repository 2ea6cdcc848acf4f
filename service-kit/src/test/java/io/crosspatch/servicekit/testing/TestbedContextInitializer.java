package io.crosspatch.servicekit.testing;

import io.crosspatch.testbed.Testbed;
import java.util.HashMap;
import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points a Spring context at the real Kafka broker, Cassandra node and schema registry of the JVM's shared
 * testbed (started on first use), with schema auto-registration on as in every non-production profile.
 */
public class TestbedContextInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        Map<String, Object> properties = new HashMap<>(Testbed.shared().springProperties());
        properties.put("crosspatch.schema-registry.auto-register", "true");
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("testbed", properties));
    }
}
