package io.crosspatch.servicekit.cassandra;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CassandraSchemaTest {

    @Test
    void shouldSplitScriptIntoStatementsAndDropComments() {
        String script = """
                -- tables of the feature
                CREATE TABLE IF NOT EXISTS ${keyspace}.a (id text PRIMARY KEY);

                CREATE TABLE IF NOT EXISTS ${keyspace}.b (
                    id text PRIMARY KEY
                );
                """;

        assertThat(CassandraSchema.split(script))
                .containsExactly(
                        "CREATE TABLE IF NOT EXISTS ${keyspace}.a (id text PRIMARY KEY)",
                        "CREATE TABLE IF NOT EXISTS ${keyspace}.b (\n    id text PRIMARY KEY\n)");
    }
}
