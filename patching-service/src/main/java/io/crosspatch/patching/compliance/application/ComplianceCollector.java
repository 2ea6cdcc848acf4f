package io.crosspatch.patching.compliance.application;

import io.crosspatch.patching.compliance.domain.NodePatchState;
import io.crosspatch.patching.compliance.domain.PatchReport;
import io.crosspatch.patching.compliance.domain.PatchResultAssembler;
import io.crosspatch.patching.compliance.domain.ReportedPatch;
import io.crosspatch.patching.compliance.domain.StateFingerprint;
import io.crosspatch.patching.compliance.domain.WindowOutcome;
import io.crosspatch.patching.systemaccount.application.AccountSweep;
import io.crosspatch.patching.systemaccount.application.ManagedNodes;
import io.crosspatch.patching.systemaccount.application.NodeStates;
import io.crosspatch.patching.systemaccount.application.OwnedAccounts;
import io.crosspatch.patching.systemaccount.domain.EnrolledNode;
import io.crosspatch.patching.systemaccount.domain.KnownAccount;
import io.crosspatch.patching.systemaccount.domain.ManagedNode;
import io.crosspatch.patching.systemaccount.domain.SystemAccountRef;
import io.crosspatch.servicekit.concurrent.NamedExecutors;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Collects patch compliance per system account (those this instance looks after, {@link OwnedAccounts}) and
 * publishes {@code patch.results} only for instances whose state changed. Per account and sweep: the account's
 * enrolled nodes (one Cassandra partition), DescribeInstanceInformation for all nodes (pages of 50),
 * DescribeInstancePatchStates (batches of 50), the latest run of each install window, and DescribeInstancePatches only
 * for nodes whose last operation changed since their details were last read. The assembled state is fingerprinted
 * field by field; an unchanged fingerprint publishes nothing. A node ConnectionLost for too long is handed to
 * {@link LostNodes} (retired) instead of being reported.
 */
@Service
public class ComplianceCollector {

    private static final Logger log = LoggerFactory.getLogger(ComplianceCollector.class);
    private static final String INTERVAL =
            "${crosspatch.patching.compliance.interval:" + ComplianceProperties.DEFAULT_INTERVAL + "}";

    private final OwnedAccounts accounts;
    private final NodeStates nodes;
    private final ManagedNodes directory;
    private final ComplianceReader reader;
    private final PatchResultPublisher publisher;
    private final PatchResultCodec codec;
    private final Clock clock;
    private final LostNodes lost;
    private final ExecutorService pool;

    public ComplianceCollector(
            OwnedAccounts accounts,
            NodeStates nodes,
            ManagedNodes directory,
            ComplianceReader reader,
            PatchResultPublisher publisher,
            PatchResultCodec codec,
            Clock clock,
            ComplianceProperties properties,
            NamedExecutors executors,
            LostNodes lost) {
        this.accounts = accounts;
        this.nodes = nodes;
        this.directory = directory;
        this.reader = reader;
        this.publisher = publisher;
        this.codec = codec;
        this.clock = clock;
        this.lost = lost;
        this.pool = executors.fixed("compliance-collector", properties.accountConcurrency());
    }

    @Scheduled(fixedDelayString = INTERVAL, initialDelayString = INTERVAL)
    public void sweep() {
        collectAll(accounts.list().stream().map(KnownAccount::account).toList());
    }

    /** Collects the accounts side by side; answers the number of results published. */
    public int collectAll(List<SystemAccountRef> systemAccounts) {
        return AccountSweep.sum("compliance collection", systemAccounts, pool, this::collect);
    }

    /** Collects one account; answers the number of results published (one per instance whose state changed). */
    public int collect(SystemAccountRef account) {
        Map<String, EnrolledNode> enrolled = nodes.ofAccount(account.accountId()).stream()
                .collect(Collectors.toMap(EnrolledNode::managedInstanceId, Function.identity()));
        if (enrolled.isEmpty()) {
            return 0;
        }
        List<ManagedNode> present = directory.allNodes(account).stream()
                .filter(node -> enrolled.containsKey(node.instanceId()))
                .filter(node ->
                        !lost.retireIfLongLost(account, Objects.requireNonNull(enrolled.get(node.instanceId())), node))
                .toList();
        Map<String, NodePatchState> states = new HashMap<>();
        for (int from = 0; from < present.size(); from += ComplianceReader.STATE_BATCH) {
            List<String> ids =
                    present.subList(from, Math.min(present.size(), from + ComplianceReader.STATE_BATCH)).stream()
                            .map(ManagedNode::instanceId)
                            .toList();
            reader.patchStates(account, ids).forEach(state -> states.put(state.instanceId(), state));
        }
        Map<String, WindowOutcome> windows = states.isEmpty() ? Map.of() : reader.latestInstallRuns(account);
        int published = 0;
        for (ManagedNode info : present) {
            if (collectNode(
                    account,
                    Objects.requireNonNull(enrolled.get(info.instanceId())),
                    info,
                    Optional.ofNullable(states.get(info.instanceId())),
                    windows)) {
                published++;
            }
        }
        log.debug(
                "compliance of system account {}: {} nodes, {} results published",
                account.accountId(),
                present.size(),
                published);
        return published;
    }

    private boolean collectNode(
            SystemAccountRef account,
            EnrolledNode node,
            ManagedNode info,
            Optional<NodePatchState> state,
            Map<String, WindowOutcome> windows) {
        String marker = state.map(NodePatchState::operationMarker).orElse("none");
        List<ReportedPatch> patches;
        if (node.lastResult().isPresent()
                && node.operationMarker().filter(marker::equals).isPresent()) {
            patches = codec.patchesOf(node.lastResult().get());
        } else if (state.isPresent()) {
            patches = reader.patches(account, info.instanceId()).stream()
                    .map(PatchResultAssembler::detail)
                    .toList();
        } else {
            patches = List.of();
        }
        PatchReport report = PatchResultAssembler.assemble(
                account.accountId(),
                node,
                info,
                state,
                patches,
                Optional.ofNullable(windows.get(node.patchGroup())),
                clock.instant());
        String fingerprint = StateFingerprint.of(report);
        if (node.fingerprint().filter(fingerprint::equals).isPresent()) {
            return false;
        }
        publisher.publish(report);
        nodes.markPublished(
                account.accountId(), info.instanceId(), marker, fingerprint, codec.encode(report), clock.instant());
        return true;
    }
}
