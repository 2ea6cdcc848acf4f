package io.crosspatch.servicekit.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.crosspatch.servicekit.messaging.MessagingProperties;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * The naming scheme every Crosspatch setting relies on: a property {@code crosspatch.<concern>.<kebab-name>} is set
 * from the environment variable of the same name upper-cased with {@code .} and {@code -} replaced by {@code _}
 * ({@code crosspatch.identity.ingress.max-body-bytes} → {@code CROSSPATCH_IDENTITY_INGRESS_MAX_BODY_BYTES}), both
 * where a {@code @ConfigurationProperties} record binds it and where a {@code ${…}} placeholder of
 * {@code crosspatch-defaults.yml} reads it. That is why no {@code application.yml} needs an {@code ${ENV:default}}
 * placeholder: if Spring Boot stopped mapping that form, these tests would say so before a deployment did.
 */
class EnvironmentVariableNamingTest {

    @Test
    void shouldBindAPropertiesRecordFromEnvironmentVariablesWithDashesAsUnderscores() {
        StandardEnvironment environment = environment(Map.of(
                "CROSSPATCH_MESSAGING_RETRY_MAX_ATTEMPTS", "3",
                "CROSSPATCH_MESSAGING_RETRY_INITIAL_INTERVAL", "750ms",
                "CROSSPATCH_MESSAGING_REPLICATION_FACTOR", "3"));

        MessagingProperties messaging = Binder.get(environment)
                .bind("crosspatch.messaging", Bindable.of(MessagingProperties.class))
                .get();

        assertThat(messaging.retryMaxAttempts()).isEqualTo(3);
        assertThat(messaging.retryInitialInterval()).isEqualTo(Duration.ofMillis(750));
        assertThat(messaging.replicationFactor()).isEqualTo((short) 3);
    }

    @Test
    void shouldBindNestedRecordsAndMapKeysFromEnvironmentVariables() {
        StandardEnvironment environment = environment(Map.of(
                "CROSSPATCH_SAMPLE_INGRESS_MAX_BODY_BYTES", "1024",
                "CROSSPATCH_SAMPLE_INGRESS_RATE_LIMIT_PER_SECOND", "2.5",
                "CROSSPATCH_SAMPLE_INGRESS_KEYS_K2026A", "c2VjcmV0"));

        Sample sample = Binder.get(environment)
                .bind("crosspatch.sample.ingress", Bindable.of(Sample.class))
                .get();

        assertThat(sample.maxBodyBytes()).isEqualTo(1024);
        assertThat(sample.rateLimit().perSecond()).isEqualTo(2.5);
        assertThat(sample.keys()).containsExactly(Map.entry("k2026a", "c2VjcmV0"));
    }

    @Test
    void shouldResolveTheSharedDefaultsPlaceholdersFromEnvironmentVariablesOfTheSameScheme() {
        StandardEnvironment environment = environment(Map.of(
                "SPRING_KAFKA_BOOTSTRAP_SERVERS", "kafka:19092",
                "CROSSPATCH_SCHEMA_REGISTRY_URL", "http://registry:8081",
                "CROSSPATCH_SCHEMA_REGISTRY_AUTO_REGISTER", "true",
                "SPRING_CASSANDRA_CONTACT_POINTS", "cassandra:9042",
                "SERVER_PORT", "8082",
                "MANAGEMENT_SERVER_PORT", "7000"));
        new ServiceDefaultsEnvironmentPostProcessor().postProcessEnvironment(environment, new SpringApplication());
        Binder binder = Binder.get(environment);

        assertThat(binder.bind("spring.kafka.bootstrap-servers", String.class).get())
                .isEqualTo("kafka:19092");
        assertThat(binder.bind("spring.kafka.properties", Bindable.mapOf(String.class, String.class))
                        .get())
                .containsEntry("schema.registry.url", "http://registry:8081")
                .containsEntry("auto.register.schemas", "true");
        assertThat(binder.bind("spring.cassandra.contact-points", String.class).get())
                .isEqualTo("cassandra:9042");
        assertThat(binder.bind("management.server.port", Integer.class).get()).isEqualTo(7000);
    }

    @Test
    void shouldKeepTheSharedDefaultsWhenNoEnvironmentVariableIsSet() {
        StandardEnvironment environment = environment(Map.of("SERVER_PORT", "8083"));
        new ServiceDefaultsEnvironmentPostProcessor().postProcessEnvironment(environment, new SpringApplication());
        Binder binder = Binder.get(environment);

        assertThat(binder.bind("spring.kafka.properties", Bindable.mapOf(String.class, String.class))
                        .get())
                .containsEntry("schema.registry.url", "http://127.0.0.1:8081")
                .containsEntry("auto.register.schemas", "false");
        assertThat(binder.bind("management.server.port", Integer.class).get()).isEqualTo(9083);
    }

    /** An environment whose only source is the given variables, read as Spring Boot reads the process environment. */
    private static StandardEnvironment environment(Map<String, Object> variables) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
        environment
                .getPropertySources()
                .replace(
                        StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                        new SystemEnvironmentPropertySource(
                                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables));
        ConfigurationPropertySources.attach(environment);
        return environment;
    }

    /**
     * A record shaped like the services' properties records: a scalar, a nested record and a map. Bound by the
     * binder directly, without {@code @ConfigurationProperties}, so that it stays out of the configuration metadata.
     */
    record Sample(Integer maxBodyBytes, RateLimit rateLimit, Map<String, String> keys) {

        record RateLimit(Double perSecond) {}
    }
}
