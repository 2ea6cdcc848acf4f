package io.crosspatch.servicekit.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * Adds {@code crosspatch-defaults.yml} (Kafka with the Avro serde, acks=all and idempotence, actuator and
 * metrics exposure, the registry and Cassandra connection read from environment variables) and the management
 * port's default ({@link ManagementPortPropertySource}) as the lowest-precedence property sources. Every service then states only what is its own, and any
 * {@code application.yml}, environment variable or command-line argument still overrides a default —
 * which {@code spring.config.import} would not allow, as imported files win over the importing one.
 */
public class ServiceDefaultsEnvironmentPostProcessor implements EnvironmentPostProcessor {

    static final String DEFAULTS = "crosspatch-defaults.yml";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        try {
            List<PropertySource<?>> sources =
                    new YamlPropertySourceLoader().load(DEFAULTS, new ClassPathResource(DEFAULTS));
            sources.forEach(source -> environment.getPropertySources().addLast(source));
            environment.getPropertySources().addLast(new ManagementPortPropertySource(environment));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + DEFAULTS, e);
        }
    }
}
