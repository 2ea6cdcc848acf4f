package io.crosspatch.servicekit.cassandra;

import com.datastax.oss.driver.api.core.CqlSession;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourcePatternResolver;

/**
 * Creates the service's keyspace and tables at start-up from CQL scripts on the classpath. Every statement
 * is {@code IF NOT EXISTS}, so every instance of a service may run it at every start; scripts run in file
 * name order ({@code 001-…}, {@code 002-…}) and later ones add what a newer version needs.
 */
final class CassandraSchema {

    private static final Logger log = LoggerFactory.getLogger(CassandraSchema.class);

    private final CassandraSchemaProperties properties;
    private final ResourcePatternResolver resources;

    CassandraSchema(CassandraSchemaProperties properties, ResourcePatternResolver resources) {
        this.properties = properties;
        this.resources = resources;
    }

    /** Applies the keyspace and scripts through a session that has no keyspace set yet. */
    void apply(CqlSession session) {
        session.execute("CREATE KEYSPACE IF NOT EXISTS " + properties.keyspace() + " WITH replication = "
                + properties.replication());
        List<String> statements = statements();
        for (String statement : statements) {
            session.execute(statement.replace("${keyspace}", properties.keyspace()));
        }
        log.info(
                "Cassandra keyspace {} ready ({} schema statements applied)", properties.keyspace(), statements.size());
    }

    private List<String> statements() {
        try {
            Resource[] scripts = resources.getResources(properties.schemaLocation());
            Arrays.sort(scripts, Comparator.comparing(Resource::getFilename));
            return Arrays.stream(scripts)
                    .flatMap(script -> split(read(script)).stream())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + properties.schemaLocation(), e);
        }
    }

    private static String read(Resource script) {
        try {
            return script.getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + script, e);
        }
    }

    /** Statements end with ';'; lines starting with '--' are comments. */
    static List<String> split(String script) {
        String withoutComments =
                script.lines().filter(line -> !line.strip().startsWith("--")).reduce("", (a, b) -> a + "\n" + b);
        return Arrays.stream(withoutComments.split(";"))
                .map(String::strip)
                .filter(statement -> !statement.isEmpty())
                .toList();
    }
}
