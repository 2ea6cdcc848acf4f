package io.crosspatch.servicekit;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.CqlSession;
import io.crosspatch.servicekit.testing.CrosspatchIntegrationTest;
import io.crosspatch.servicekit.testing.ServiceHealthContract;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A service on the kit starts against the real infrastructure, creates its keyspace and reports healthy. */
@CrosspatchIntegrationTest(
        properties = {
            "crosspatch.cassandra.keyspace=service_kit_test",
            "crosspatch.messaging.retry-initial-interval=20ms",
            "crosspatch.messaging.retry-max-interval=100ms"
        })
class ServiceHealthTest extends ServiceHealthContract {

    @Autowired
    private CqlSession cassandra;

    @Test
    void shouldCreateKeyspaceAndTablesFromScripts() {
        assertThat(cassandra.getKeyspace()).map(Object::toString).contains("service_kit_test");
        assertThat(cassandra
                        .execute("SELECT table_name FROM system_schema.tables WHERE keyspace_name = 'service_kit_test'")
                        .all())
                .extracting(row -> row.getString("table_name"))
                .contains("probe");
    }
}
