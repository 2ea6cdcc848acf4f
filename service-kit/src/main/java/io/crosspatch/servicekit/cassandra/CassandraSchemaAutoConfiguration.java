package io.crosspatch.servicekit.cassandra;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.CqlSessionBuilder;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.cassandra.autoconfigure.CassandraAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.io.support.ResourcePatternResolver;

/**
 * Replaces Boot's session bean with one that first makes sure the service's keyspace and tables exist, so a
 * fresh cluster (a test node, a new environment) needs no separate migration step. Boot's session builder,
 * with all its {@code spring.cassandra.*} settings, is still the one used.
 */
@AutoConfiguration(before = CassandraAutoConfiguration.class)
@ConditionalOnProperty(prefix = "crosspatch.cassandra", name = "keyspace")
@EnableConfigurationProperties(CassandraSchemaProperties.class)
public class CassandraSchemaAutoConfiguration {

    @Bean(destroyMethod = "close")
    CqlSession cassandraSession(
            ObjectProvider<CqlSessionBuilder> builders,
            CassandraSchemaProperties properties,
            ResourcePatternResolver resources) {
        try (CqlSession withoutKeyspace = builders.getObject().build()) {
            new CassandraSchema(properties, resources).apply(withoutKeyspace);
        }
        return builders.getObject().withKeyspace(properties.keyspace()).build();
    }
}
