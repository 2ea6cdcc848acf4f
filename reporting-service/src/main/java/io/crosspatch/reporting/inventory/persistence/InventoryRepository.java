package io.crosspatch.reporting.inventory.persistence;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.data.UdtValue;
import com.datastax.oss.driver.api.core.type.UserDefinedType;
import io.crosspatch.kernel.CloudAccountKey;
import io.crosspatch.kernel.CloudProvider;
import io.crosspatch.reporting.inventory.application.InventoryStore;
import io.crosspatch.reporting.inventory.domain.InstalledApplication;
import io.crosspatch.reporting.inventory.domain.InstanceInventory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.springframework.stereotype.Repository;

/**
 * The {@code instance_inventory} table: upserts at the inventory's time in microseconds ({@code USING TIMESTAMP}),
 * so a replay rewrites the same cells and an older inventory loses to a newer one whatever order they arrive in.
 * Providers are stored by their upper-case names, as in the rest of the read model.
 */
@Repository
class InventoryRepository implements InventoryStore {

    private final CqlSession session;
    private final UserDefinedType applicationType;
    private final PreparedStatement upsert;
    private final PreparedStatement find;

    public InventoryRepository(CqlSession session) {
        this.session = session;
        this.applicationType = session.getMetadata()
                .getKeyspace(session.getKeyspace().orElseThrow())
                .flatMap(keyspace -> keyspace.getUserDefinedType("installed_application"))
                .orElseThrow(() -> new IllegalStateException("type installed_application missing from the keyspace"));
        this.upsert = session.prepare("""
                UPDATE instance_inventory USING TIMESTAMP :ts SET
                  managed_instance_id = :managed_instance_id, hostname = :hostname, platform_name = :platform_name,
                  platform_version = :platform_version, kernel_version = :kernel_version, ip_address = :ip_address,
                  agent_version = :agent_version, application_count = :application_count,
                  applications_truncated = :applications_truncated, observed_at = :observed_at,
                  applications = :applications
                WHERE tenant_id = :tenant_id AND instance_id = :instance_id AND provider = :provider
                  AND cloud_account_id = :cloud_account_id""");
        this.find = session.prepare("SELECT * FROM instance_inventory WHERE tenant_id = ? AND instance_id = ?");
    }

    @Override
    public CompletableFuture<Void> write(InstanceInventory inventory) {
        long ts = Math.multiplyExact(inventory.observedAt().toEpochMilli(), 1000L);
        List<UdtValue> applications = inventory.applications().stream()
                .map(a -> applicationType
                        .newValue()
                        .setString("name", a.name())
                        .setString("version", a.version())
                        .setString("publisher", a.publisher()))
                .toList();
        return session.executeAsync(upsert.boundStatementBuilder()
                        .setLong("ts", ts)
                        .setString("tenant_id", inventory.tenantId())
                        .setString("instance_id", inventory.instanceId())
                        .setString(
                                "provider", inventory.cloudAccount().provider().name())
                        .setString("cloud_account_id", inventory.cloudAccount().cloudAccountId())
                        .setString("managed_instance_id", inventory.managedInstanceId())
                        .setString("hostname", inventory.hostname())
                        .setString("platform_name", inventory.platformName())
                        .setString("platform_version", inventory.platformVersion())
                        .setString("kernel_version", inventory.kernelVersion())
                        .setString("ip_address", inventory.ipAddress())
                        .setString("agent_version", inventory.agentVersion())
                        .setInt("application_count", inventory.applicationCount())
                        .setBoolean("applications_truncated", inventory.applicationsTruncated())
                        .setInstant("observed_at", inventory.observedAt())
                        .setList("applications", applications, UdtValue.class)
                        .build())
                .toCompletableFuture()
                .thenApply(result -> null);
    }

    @Override
    public List<InstanceInventory> find(String tenantId, String instanceId) {
        List<InstanceInventory> found = new ArrayList<>();
        session.execute(find.bind(tenantId, instanceId)).forEach(row -> found.add(inventory(row)));
        return found;
    }

    private static InstanceInventory inventory(Row row) {
        List<InstalledApplication> applications = row.getList("applications", UdtValue.class).stream()
                .map(a -> new InstalledApplication(
                        Objects.requireNonNull(a.getString("name"), "an application's name"),
                        a.getString("version"),
                        a.getString("publisher")))
                .toList();
        Instant observedAt = Objects.requireNonNull(row.getInstant("observed_at"), "observed_at");
        return new InstanceInventory(
                Objects.requireNonNull(row.getString("tenant_id"), "tenant_id"),
                new CloudAccountKey(
                        CloudProvider.parse(Objects.requireNonNull(row.getString("provider"), "provider")),
                        Objects.requireNonNull(row.getString("cloud_account_id"), "cloud_account_id")),
                Objects.requireNonNull(row.getString("instance_id"), "instance_id"),
                observedAt,
                row.getString("managed_instance_id"),
                row.getString("hostname"),
                row.getString("platform_name"),
                row.getString("platform_version"),
                row.getString("kernel_version"),
                row.getString("ip_address"),
                row.getString("agent_version"),
                row.getInt("application_count"),
                row.getBoolean("applications_truncated"),
                applications);
    }
}
