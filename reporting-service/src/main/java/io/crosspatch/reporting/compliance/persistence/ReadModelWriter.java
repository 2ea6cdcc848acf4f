package io.crosspatch.reporting.compliance.persistence;

import com.datastax.oss.driver.api.core.CqlIdentifier;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.BoundStatementBuilder;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.data.UdtValue;
import com.datastax.oss.driver.api.core.metadata.schema.ColumnMetadata;
import com.datastax.oss.driver.api.core.metadata.schema.TableMetadata;
import com.datastax.oss.driver.api.core.type.UserDefinedType;
import io.crosspatch.kernel.PatchCounts;
import io.crosspatch.reporting.compliance.application.ReadModelStore;
import io.crosspatch.reporting.compliance.application.ReportingProperties;
import io.crosspatch.reporting.compliance.domain.EnrollmentFailure;
import io.crosspatch.reporting.compliance.domain.InstanceActivation;
import io.crosspatch.reporting.compliance.domain.InstanceRef;
import io.crosspatch.reporting.compliance.domain.InstanceRetirement;
import io.crosspatch.reporting.compliance.domain.InstanceState;
import io.crosspatch.reporting.compliance.domain.PatchUpdate;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;

/**
 * Writes events into the read model: idempotent upserts by natural key at the event's time
 * ({@code USING TIMESTAMP}), asynchronously so a batch of events is written with many requests in flight.
 * A patch result writes the instance row and the instance's update list; an activation writes only the
 * activation columns, so it never hides a patch state and a patch state never hides it. Providers are stored by
 * their upper-case names.
 */
@Repository
// The driver's BoundStatementBuilder is mutable: its setters change the builder and return it, so their results
// may be dropped (Error Prone's CheckReturnValue assumes an immutable statement).
@SuppressWarnings("CheckReturnValue")
class ReadModelWriter implements ReadModelStore {

    private final CqlSession session;
    private final UserDefinedType patchUpdateType;
    private final PreparedStatement upsertInstanceState;
    private final PreparedStatement upsertUpdates;
    private final PreparedStatement upsertInstanceActivation;
    private final PreparedStatement upsertUpdatesActivation;
    private final PreparedStatement upsertFailure;
    private final PreparedStatement deleteFailure;
    private final PreparedStatement selectInstance;
    private final PreparedStatement selectUpdates;
    private final PreparedStatement retireInstance;
    private final PreparedStatement retireUpdates;
    private final List<String> instanceColumns;
    private final List<String> updatesColumns;
    private final Duration retiredKeptFor;
    private final Clock clock;
    private final PreparedStatement insertReplaced;
    private final PreparedStatement findReplaced;
    private final PreparedStatement currentNode;
    private final PreparedStatement dropInstanceState;
    private final PreparedStatement dropUpdates;

    public ReadModelWriter(CqlSession session, ReportingProperties properties, Clock clock) {
        this.session = session;
        this.retiredKeptFor = properties.retiredInstancesKeptFor();
        this.clock = clock;
        this.patchUpdateType = session.getMetadata()
                .getKeyspace(session.getKeyspace().orElseThrow())
                .flatMap(keyspace -> keyspace.getUserDefinedType("patch_update"))
                .orElseThrow(() -> new IllegalStateException("type patch_update missing from the keyspace"));
        this.upsertInstanceState = session.prepare("""
                UPDATE instances USING TIMESTAMP :ts SET
                  cloud_account_name = :cloud_account_name, hostname = :hostname,
                  managed_instance_id = :managed_instance_id, system_account_id = :system_account_id,
                  platform = :platform, operating_system = :operating_system, patch_group = :patch_group,
                  baseline_id = :baseline_id, agent_version = :agent_version, agent_latest = :agent_latest,
                  ping_status = :ping_status, last_ping_at = :last_ping_at, installed = :installed,
                  installed_other = :installed_other, installed_pending_reboot = :installed_pending_reboot,
                  installed_rejected = :installed_rejected, missing = :missing, failed = :failed,
                  not_applicable = :not_applicable, critical_non_compliant = :critical_non_compliant,
                  security_non_compliant = :security_non_compliant, other_non_compliant = :other_non_compliant,
                  last_operation = :last_operation, last_operation_started_at = :last_operation_started_at,
                  last_operation_ended_at = :last_operation_ended_at,
                  last_operation_outcome = :last_operation_outcome, state_observed_at = :state_observed_at
                WHERE tenant_id = :tenant_id AND provider = :provider AND cloud_account_id = :cloud_account_id
                  AND bucket = :bucket AND instance_id = :instance_id""");
        this.upsertUpdates = session.prepare("""
                UPDATE instance_updates USING TIMESTAMP :ts SET
                  cloud_account_name = :cloud_account_name, hostname = :hostname,
                  managed_instance_id = :managed_instance_id, operating_system = :operating_system,
                  patch_group = :patch_group, state_observed_at = :state_observed_at, patches = :patches
                WHERE tenant_id = :tenant_id AND instance_id = :instance_id AND provider = :provider
                  AND cloud_account_id = :cloud_account_id""");
        this.upsertInstanceActivation = session.prepare("""
                UPDATE instances USING TIMESTAMP :ts SET
                  activation_stage = :activation_stage, activation_changed_at = :activation_changed_at,
                  managed_instance_id = :managed_instance_id, system_account_id = :system_account_id
                WHERE tenant_id = :tenant_id AND provider = :provider AND cloud_account_id = :cloud_account_id
                  AND bucket = :bucket AND instance_id = :instance_id""");
        this.upsertUpdatesActivation = session.prepare("""
                UPDATE instance_updates USING TIMESTAMP :ts SET
                  activation_stage = :activation_stage, managed_instance_id = :managed_instance_id
                WHERE tenant_id = :tenant_id AND instance_id = :instance_id AND provider = :provider
                  AND cloud_account_id = :cloud_account_id""");
        this.upsertFailure = session.prepare("""
                UPDATE enrollment_failures USING TIMESTAMP :ts SET
                  provider = :provider, cloud_account_id = :cloud_account_id, stage = :stage,
                  reason_code = :reason_code, message = :message, retryable = :retryable, failed_at = :failed_at
                WHERE tenant_id = :tenant_id AND enrollment_id = :enrollment_id""");
        this.deleteFailure = session.prepare("""
                DELETE FROM enrollment_failures USING TIMESTAMP :ts
                WHERE tenant_id = :tenant_id AND enrollment_id = :enrollment_id""");
        this.instanceColumns =
                regularColumns(session, "instances", Set.of("activation_stage", "activation_changed_at"));
        this.updatesColumns = regularColumns(session, "instance_updates", Set.of("activation_stage"));
        this.selectInstance = session.prepare("SELECT * FROM instances WHERE tenant_id = :tenant_id "
                + "AND provider = :provider AND cloud_account_id = :cloud_account_id AND bucket = :bucket "
                + "AND instance_id = :instance_id");
        this.selectUpdates = session.prepare("SELECT * FROM instance_updates WHERE tenant_id = :tenant_id "
                + "AND instance_id = :instance_id AND provider = :provider AND cloud_account_id = :cloud_account_id");
        this.retireInstance = session.prepare("UPDATE instances USING TIMESTAMP :ts AND TTL :ttl SET "
                + assignments(instanceColumns)
                + ", activation_stage = :activation_stage, activation_changed_at = :activation_changed_at "
                + "WHERE tenant_id = :tenant_id AND provider = :provider AND cloud_account_id = :cloud_account_id "
                + "AND bucket = :bucket AND instance_id = :instance_id");
        this.retireUpdates = session.prepare("UPDATE instance_updates USING TIMESTAMP :ts AND TTL :ttl SET "
                + assignments(updatesColumns) + ", activation_stage = :activation_stage "
                + "WHERE tenant_id = :tenant_id AND instance_id = :instance_id AND provider = :provider "
                + "AND cloud_account_id = :cloud_account_id");
        this.insertReplaced = session.prepare("""
                INSERT INTO replaced_nodes (tenant_id, managed_instance_id, instance_id, replaced_by, replaced_at)
                VALUES (:tenant_id, :managed_instance_id, :instance_id, :replaced_by, :replaced_at)
                USING TIMESTAMP :ts""");
        this.findReplaced = session.prepare(
                "SELECT managed_instance_id FROM replaced_nodes WHERE tenant_id = ? AND managed_instance_id = ?");
        this.currentNode = session.prepare("""
                SELECT managed_instance_id, WRITETIME(managed_instance_id) AS written FROM instances
                WHERE tenant_id = :tenant_id AND provider = :provider AND cloud_account_id = :cloud_account_id
                  AND bucket = :bucket AND instance_id = :instance_id""");
        this.dropInstanceState = session.prepare("""
                UPDATE instances USING TIMESTAMP :ts SET
                  managed_instance_id = :managed_instance_id, baseline_id = null, agent_version = null,
                  agent_latest = null, ping_status = null, last_ping_at = null, installed = null,
                  installed_other = null, installed_pending_reboot = null, installed_rejected = null, missing = null,
                  failed = null, not_applicable = null, critical_non_compliant = null, security_non_compliant = null,
                  other_non_compliant = null, last_operation = null, last_operation_started_at = null,
                  last_operation_ended_at = null, last_operation_outcome = null, state_observed_at = null
                WHERE tenant_id = :tenant_id AND provider = :provider AND cloud_account_id = :cloud_account_id
                  AND bucket = :bucket AND instance_id = :instance_id""");
        this.dropUpdates = session.prepare("""
                UPDATE instance_updates USING TIMESTAMP :ts SET
                  managed_instance_id = :managed_instance_id, state_observed_at = null, patches = null
                WHERE tenant_id = :tenant_id AND instance_id = :instance_id AND provider = :provider
                  AND cloud_account_id = :cloud_account_id""");
    }

    /**
     * Writes that an instance was retired, at the retirement's time: its stage becomes RETIRED (so it leaves the
     * figures, and only a newer activation brings it back), and every cell of its rows written before the
     * retirement is written again with what remains of {@code retired-instances-kept-for} as its TTL, so the rows
     * expire whole. Cells written later (a newer enrollment of the same VM) win over these and keep living.
     */
    @Override
    public CompletableFuture<Void> write(InstanceRetirement retirement) {
        long ts = WriteTime.of(retirement.retiredAt());
        long remaining = retiredKeptFor
                .minus(Duration.between(retirement.retiredAt(), clock.instant()))
                .toSeconds();
        int ttl = (int) Math.max(1, Math.min(Integer.MAX_VALUE, remaining));
        InstanceRef ref = retirement.ref();
        CompletableFuture<Void> instance = session.executeAsync(keyed(selectInstance.boundStatementBuilder(), ref)
                        .setInt("bucket", ref.bucket())
                        .build())
                .toCompletableFuture()
                .thenCompose(rows -> {
                    BoundStatementBuilder update = keyed(retireInstance.boundStatementBuilder(), ref)
                            .setLong("ts", ts)
                            .setInt("ttl", ttl)
                            .setInt("bucket", ref.bucket())
                            .setString("activation_stage", InstanceRetirement.RETIRED)
                            .setInstant("activation_changed_at", retirement.retiredAt())
                            .setString("retirement_reason", retirement.reason());
                    copy(rows.one(), instanceColumns, update, Set.of("retirement_reason"));
                    return execute(update);
                });
        CompletableFuture<Void> updates = session.executeAsync(
                        keyed(selectUpdates.boundStatementBuilder(), ref).build())
                .toCompletableFuture()
                .thenCompose(rows -> {
                    Row row = rows.one();
                    if (row == null) {
                        return CompletableFuture.completedFuture(null);
                    }
                    BoundStatementBuilder update = keyed(retireUpdates.boundStatementBuilder(), ref)
                            .setLong("ts", ts)
                            .setInt("ttl", ttl)
                            .setString("activation_stage", InstanceRetirement.RETIRED);
                    copy(row, updatesColumns, update, Set.of());
                    return execute(update);
                });
        return CompletableFuture.allOf(instance, updates);
    }

    /** Binds the row's present cells as they are; absent ones stay unset, so nothing else is written. */
    private static void copy(@Nullable Row row, List<String> columns, BoundStatementBuilder update, Set<String> bound) {
        if (row == null) {
            return;
        }
        for (String column : columns) {
            if (!bound.contains(column) && !row.isNull(column)) {
                update.setBytesUnsafe(column, row.getBytesUnsafe(column));
            }
        }
    }

    private static List<String> regularColumns(CqlSession session, String table, Set<String> except) {
        TableMetadata metadata = session.getMetadata()
                .getKeyspace(session.getKeyspace().orElseThrow())
                .flatMap(keyspace -> keyspace.getTable(table))
                .orElseThrow(() -> new IllegalStateException("table " + table + " missing from the keyspace"));
        Set<CqlIdentifier> key = new HashSet<>(
                metadata.getPrimaryKey().stream().map(ColumnMetadata::getName).toList());
        return metadata.getColumns().keySet().stream()
                .filter(name -> !key.contains(name))
                .map(CqlIdentifier::asInternal)
                .filter(name -> !except.contains(name))
                .sorted()
                .toList();
    }

    private static String assignments(List<String> columns) {
        return String.join(", ", columns.stream().map(c -> c + " = :" + c).toList());
    }

    private static BoundStatementBuilder keyed(BoundStatementBuilder builder, InstanceRef ref) {
        return builder.setString("tenant_id", ref.tenantId())
                .setString("provider", ref.provider().name())
                .setString("cloud_account_id", ref.cloudAccountId())
                .setString("instance_id", ref.instanceId());
    }

    /** Writes an instance's patch state; completes when both tables have it. */
    @Override
    public CompletableFuture<Void> write(InstanceState state) {
        long ts = WriteTime.of(state.observedAt());
        BoundStatementBuilder instance = keyed(upsertInstanceState.boundStatementBuilder(), state.ref(), ts)
                .setInt("bucket", state.ref().bucket())
                .setString("hostname", state.hostname())
                .setString("managed_instance_id", state.managedInstanceId())
                .setString("system_account_id", state.systemAccountId())
                .setString("platform", state.platform())
                .setString("operating_system", state.operatingSystem())
                .setString("patch_group", state.patchGroup())
                .setString("baseline_id", state.baselineId())
                .setString("agent_version", state.agent().version())
                .setBoolean("agent_latest", state.agent().latest())
                .setString("ping_status", state.agent().pingStatus())
                .setInstant("last_ping_at", state.agent().lastPingAt())
                .setInstant("state_observed_at", state.observedAt());
        bindCounts(instance, state.counts());
        bindLastOperation(instance, state.lastOperation());
        bindAccountName(instance, state.cloudAccountName());
        BoundStatementBuilder updates = keyed(upsertUpdates.boundStatementBuilder(), state.ref(), ts)
                .setString("hostname", state.hostname())
                .setString("managed_instance_id", state.managedInstanceId())
                .setString("operating_system", state.operatingSystem())
                .setString("patch_group", state.patchGroup())
                .setInstant("state_observed_at", state.observedAt())
                .setList("patches", state.patches().stream().map(this::udt).toList(), UdtValue.class);
        bindAccountName(updates, state.cloudAccountName());
        return CompletableFuture.allOf(execute(instance), execute(updates));
    }

    /** Writes that an instance was activated or registered, and clears its enrollment's older failure. */
    @Override
    public CompletableFuture<Void> write(InstanceActivation activation) {
        long ts = WriteTime.of(activation.occurredAt());
        BoundStatementBuilder instance = keyed(upsertInstanceActivation.boundStatementBuilder(), activation.ref(), ts)
                .setInt("bucket", activation.ref().bucket())
                .setString("activation_stage", activation.stage())
                .setInstant("activation_changed_at", activation.occurredAt())
                .setString("system_account_id", activation.systemAccountId());
        BoundStatementBuilder updates = keyed(upsertUpdatesActivation.boundStatementBuilder(), activation.ref(), ts)
                .setString("activation_stage", activation.stage());
        if (activation.managedInstanceId() != null) {
            instance.setString("managed_instance_id", activation.managedInstanceId());
            updates.setString("managed_instance_id", activation.managedInstanceId());
        }
        CompletableFuture<Void> clearFailure = activation.enrollmentId() == null
                ? CompletableFuture.completedFuture(null)
                : execute(deleteFailure
                        .boundStatementBuilder()
                        .setLong("ts", ts)
                        .setString("tenant_id", activation.ref().tenantId())
                        .setString("enrollment_id", activation.enrollmentId()));
        CompletableFuture<Void> replacement = activation.replacedManagedInstanceId() == null
                        || activation.managedInstanceId() == null
                ? CompletableFuture.completedFuture(null)
                : replace(activation, activation.replacedManagedInstanceId(), activation.managedInstanceId(), ts);
        return CompletableFuture.allOf(execute(instance), execute(updates), clearFailure, replacement);
    }

    @Override
    public CompletableFuture<Boolean> replaced(String tenantId, String managedInstanceId) {
        return session.executeAsync(findReplaced.bind(tenantId, managedInstanceId))
                .toCompletableFuture()
                .thenApply(rows -> rows.one() != null);
    }

    /**
     * Records the old node as replaced and drops the patch state it reported, at the registration's time, or just
     * after the old node's own last write when a late result of it got in first (a result written later than the
     * registration would otherwise outlive the drop).
     */
    private CompletableFuture<Void> replace(InstanceActivation activation, String oldNode, String newNode, long ts) {
        InstanceRef ref = activation.ref();
        CompletableFuture<Void> recorded = execute(insertReplaced
                .boundStatementBuilder()
                .setLong("ts", ts)
                .setString("tenant_id", ref.tenantId())
                .setString("managed_instance_id", oldNode)
                .setString("instance_id", ref.instanceId())
                .setString("replaced_by", newNode)
                .setInstant("replaced_at", activation.occurredAt()));
        BoundStatementBuilder current =
                keyedWithoutTime(currentNode.boundStatementBuilder(), ref).setInt("bucket", ref.bucket());
        CompletableFuture<Void> dropped = session.executeAsync(current.build())
                .toCompletableFuture()
                .thenCompose(rows -> {
                    Row row = rows.one();
                    long at = ts;
                    if (row != null
                            && oldNode.equals(row.getString("managed_instance_id"))
                            && row.getLong("written") >= ts) {
                        at = row.getLong("written") + 1;
                    }
                    BoundStatementBuilder instance = keyed(dropInstanceState.boundStatementBuilder(), ref, at)
                            .setInt("bucket", ref.bucket())
                            .setString("managed_instance_id", newNode);
                    BoundStatementBuilder updates = keyed(dropUpdates.boundStatementBuilder(), ref, at)
                            .setString("managed_instance_id", newNode);
                    return CompletableFuture.allOf(execute(instance), execute(updates));
                });
        return CompletableFuture.allOf(recorded, dropped);
    }

    /** Writes a failed enrollment of a tenant. */
    @Override
    public CompletableFuture<Void> write(EnrollmentFailure failure) {
        return execute(upsertFailure
                .boundStatementBuilder()
                .setLong("ts", WriteTime.of(failure.failedAt()))
                .setString("tenant_id", failure.tenantId())
                .setString("enrollment_id", failure.enrollmentId())
                .setString(
                        "provider",
                        failure.provider() == null ? null : failure.provider().name())
                .setString("cloud_account_id", failure.cloudAccountId())
                .setString("stage", failure.stage())
                .setString("reason_code", failure.reasonCode())
                .setString("message", failure.message())
                .setBoolean("retryable", failure.retryable())
                .setInstant("failed_at", failure.failedAt()));
    }

    private static BoundStatementBuilder keyed(BoundStatementBuilder builder, InstanceRef ref, long ts) {
        return keyedWithoutTime(builder.setLong("ts", ts), ref);
    }

    private static BoundStatementBuilder keyedWithoutTime(BoundStatementBuilder builder, InstanceRef ref) {
        return builder.setString("tenant_id", ref.tenantId())
                .setString("provider", ref.provider().name())
                .setString("cloud_account_id", ref.cloudAccountId())
                .setString("instance_id", ref.instanceId());
    }

    private static void bindCounts(BoundStatementBuilder builder, PatchCounts counts) {
        builder.setInt("installed", counts.installed())
                .setInt("installed_other", counts.installedOther())
                .setInt("installed_pending_reboot", counts.installedPendingReboot())
                .setInt("installed_rejected", counts.installedRejected())
                .setInt("missing", counts.missing())
                .setInt("failed", counts.failed())
                .setInt("not_applicable", counts.notApplicable())
                .setInt("critical_non_compliant", counts.criticalNonCompliant())
                .setInt("security_non_compliant", counts.securityNonCompliant())
                .setInt("other_non_compliant", counts.otherNonCompliant());
    }

    private static void bindLastOperation(
            BoundStatementBuilder builder, InstanceState.@Nullable LastOperation operation) {
        builder.setString("last_operation", operation == null ? null : operation.operation())
                .setInstant("last_operation_started_at", operation == null ? null : operation.startedAt())
                .setInstant("last_operation_ended_at", operation == null ? null : operation.endedAt())
                .setString("last_operation_outcome", operation == null ? null : operation.outcome());
    }

    /** A state without an account name leaves the name another state wrote in place (the value stays unset). */
    private static void bindAccountName(BoundStatementBuilder builder, String cloudAccountName) {
        if (cloudAccountName != null) {
            builder.setString("cloud_account_name", cloudAccountName);
        }
    }

    private UdtValue udt(PatchUpdate update) {
        return patchUpdateType
                .newValue()
                .setString("patch_id", update.patchId())
                .setString("title", update.title())
                .setString("classification", update.classification())
                .setString("severity", update.severity())
                .setString("state", update.state())
                .setInstant("installed_at", update.installedAt())
                .setList("cve_ids", List.copyOf(update.cveIds()), String.class);
    }

    private CompletableFuture<Void> execute(BoundStatementBuilder statement) {
        return session.executeAsync(statement.build()).toCompletableFuture().thenApply(result -> null);
    }
}
