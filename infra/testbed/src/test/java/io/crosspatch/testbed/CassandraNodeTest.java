package io.crosspatch.testbed;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import com.datastax.oss.driver.api.core.cql.ResultSet;
import com.datastax.oss.driver.api.core.cql.Row;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CassandraNodeTest {

    private static CqlSession session;

    @BeforeAll
    static void connect() {
        CassandraNode cassandra = Testbed.shared().cassandra();
        session = CqlSession.builder()
                .addContactPoint(new InetSocketAddress(cassandra.host(), cassandra.port()))
                .withLocalDatacenter(cassandra.localDatacenter())
                .withConfigLoader(DriverConfigLoader.programmaticBuilder()
                        // Schema changes on a cold node can take longer than the driver's 2 s default.
                        .withDuration(DefaultDriverOption.REQUEST_TIMEOUT, Duration.ofSeconds(30))
                        .build())
                .build();
        session.execute("CREATE KEYSPACE IF NOT EXISTS testbed "
                + "WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}");
        session.execute("CREATE TABLE IF NOT EXISTS testbed.cloud_accounts (account_key text PRIMARY KEY, owner text)");
    }

    @AfterAll
    static void disconnect() {
        session.close();
    }

    @Test
    void appliesAConditionalInsertOnlyOnce() {
        // given an account key nobody has claimed
        String accountKey = "aws:" + UUID.randomUUID();

        // when two conditional inserts race for it
        ResultSet first = claim(accountKey, "team-patching");
        ResultSet second = claim(accountKey, "team-other");

        // then only the first is applied and its row is what a reader sees
        assertThat(first.wasApplied()).isTrue();
        assertThat(second.wasApplied()).isFalse();
        Row row = session.execute("SELECT owner FROM testbed.cloud_accounts WHERE account_key = ?", accountKey)
                .one();
        assertThat(row).isNotNull();
        assertThat(row.getString("owner")).isEqualTo("team-patching");
    }

    private static ResultSet claim(String accountKey, String owner) {
        return session.execute(
                "INSERT INTO testbed.cloud_accounts (account_key, owner) VALUES (?, ?) IF NOT EXISTS",
                accountKey,
                owner);
    }
}
