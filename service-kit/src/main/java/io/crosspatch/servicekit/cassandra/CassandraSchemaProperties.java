package io.crosspatch.servicekit.cassandra;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The service's own keyspace, under {@code crosspatch.cassandra}. Each service owns one keyspace; nothing
 * else writes to it.
 *
 * @param keyspace          the service's keyspace, a lower-case CQL identifier; each service names its own in its
 *                          {@code application.yml} (no default: two services must never share one)
 * @param replication       the keyspace's replication map as CQL; default
 *                          {@code {'class': 'SimpleStrategy', 'replication_factor': 1}}, which one local node can
 *                          hold; set e.g. {@code {'class': 'NetworkTopologyStrategy', 'datacenter1': 3}} on a cluster
 * @param schemaLocation    where the service's idempotent {@code CREATE ... IF NOT EXISTS} scripts are; default
 *                          {@code classpath*:cassandra/<keyspace>/*.cql}, the scripts the service ships
 */
@ConfigurationProperties("crosspatch.cassandra")
public record CassandraSchemaProperties(String keyspace, String replication, String schemaLocation) {

    public CassandraSchemaProperties {
        if (keyspace == null || !keyspace.matches("[a-z][a-z0-9_]{0,47}")) {
            throw new IllegalArgumentException(
                    "crosspatch.cassandra.keyspace must be a lower-case CQL identifier, was " + keyspace);
        }
        replication = replication == null ? "{'class': 'SimpleStrategy', 'replication_factor': 1}" : replication;
        schemaLocation = schemaLocation == null ? "classpath*:cassandra/" + keyspace + "/*.cql" : schemaLocation;
    }
}
