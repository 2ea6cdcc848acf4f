package io.crosspatch.patching.bench;

import io.crosspatch.events.OperatingSystem;
import io.crosspatch.events.SystemAccount;
import io.crosspatch.kernel.CloudAccountKey;
import io.crosspatch.kernel.CloudProvider;
import io.crosspatch.patching.compliance.application.ComplianceCollector;
import io.crosspatch.patching.desiredstate.application.AccountConfigurer;
import io.crosspatch.patching.support.AccountSsm;
import io.crosspatch.patching.support.Fixtures;
import io.crosspatch.patching.systemaccount.domain.EnrolledNode;
import io.crosspatch.patching.systemaccount.domain.SystemAccountRef;
import io.crosspatch.patching.systemaccount.persistence.NodeRepository;
import io.crosspatch.patching.systemaccount.persistence.SystemAccountRepository;
import io.crosspatch.simulator.CloudSimulator;
import io.crosspatch.simulator.SimulatorConfig;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ConfigurableApplicationContext;
import software.amazon.awssdk.services.ssm.model.CreateActivationResponse;

/**
 * Benchmark (a main, not a test): a compliance sweep of 10,000 managed nodes across 20 system accounts with the
 * simulator's default rate limits. The nodes register (500 per account, in the three groups, four OSes), each
 * account is reconciled (its Scan association runs at once, so every node has a patch state), then two sweeps
 * are timed: the first publishes every instance, the second (nothing changed) publishes none.
 *
 * <pre>mvn -o -pl bench/components/patching exec:java \
 *   -Dexec.mainClass=io.crosspatch.patching.bench.ComplianceSweepBenchmark [-Daccounts=20 -DnodesPerAccount=500]</pre>
 */
public final class ComplianceSweepBenchmark {

    private static final Logger log = LoggerFactory.getLogger(ComplianceSweepBenchmark.class);
    private static final int ACCOUNTS = Integer.getInteger("accounts", 20);
    private static final int NODES_PER_ACCOUNT = Integer.getInteger("nodesPerAccount", 500);
    private static final String[] GROUPS = {"early", "on-time", "late"};
    private static final OperatingSystem[] OSES = {
        OperatingSystem.WINDOWS,
        OperatingSystem.UBUNTU,
        OperatingSystem.REDHAT_ENTERPRISE_LINUX,
        OperatingSystem.AMAZON_LINUX_2
    };

    private ComplianceSweepBenchmark() {}

    public static void main(String[] args) throws Exception {
        try (CloudSimulator simulator = CloudSimulator.start(SimulatorConfig.defaults());
                ConfigurableApplicationContext context = BenchContext.start(simulator)) {
            NodeRepository nodes = context.getBean(NodeRepository.class);
            SystemAccountRepository accounts = context.getBean(SystemAccountRepository.class);
            AccountConfigurer configurer = context.getBean(AccountConfigurer.class);
            ComplianceCollector collector = context.getBean(ComplianceCollector.class);
            List<SystemAccountRef> refs = new ArrayList<>();
            for (int a = 0; a < ACCOUNTS; a++) {
                SystemAccount account = Fixtures.anySystemAccount(simulator);
                SystemAccountRef ref = new SystemAccountRef(
                        account.getAccountId(),
                        account.getRegion(),
                        account.getRoleArn(),
                        account.getSsmServiceRoleName());
                refs.add(ref);
                registerNodes(simulator, account, nodes);
                configurer.ensureConfigured(accounts.remember(
                        ref, CloudAccountKey.parse(Fixtures.cloudAccountKey(account)), "bench", Set.of()));
            }
            long reported = awaitScanned(simulator, refs);
            log.warn("ComplianceSweepBenchmark: {} nodes registered and scanned in {} accounts", reported, ACCOUNTS);
            for (String sweep : List.of("first sweep (every instance new)", "second sweep (nothing changed)")) {
                simulator.calls().reset();
                long start = System.nanoTime();
                int published = collector.collectAll(refs);
                double seconds = (System.nanoTime() - start) / 1e9;
                Map<String, Long> byOperation = new HashMap<>();
                simulator.calls().all().forEach(c -> byOperation.merge(c.operation(), c.calls(), Long::sum));
                long calls =
                        byOperation.values().stream().mapToLong(Long::longValue).sum();
                log.warn(
                        "ComplianceSweepBenchmark {}: {} nodes in {} s, {} results published, {} AWS calls {}",
                        sweep,
                        ACCOUNTS * NODES_PER_ACCOUNT,
                        String.format("%.1f", seconds),
                        published,
                        calls,
                        byOperation);
            }
        }
    }

    private static void registerNodes(CloudSimulator simulator, SystemAccount account, NodeRepository nodes)
            throws Exception {
        try (AccountSsm test = new AccountSsm(simulator, account.getAccountId())) {
            Map<String, CreateActivationResponse> activations = new HashMap<>();
            for (String group : GROUPS) {
                activations.put(
                        group,
                        test.ssm()
                                .createActivation(r -> r.iamRole(Fixtures.SERVICE_ROLE)
                                        .registrationLimit(NODES_PER_ACCOUNT)
                                        .tags(t -> t.key("Patch Group").value(group))));
            }
            IntStream.range(0, NODES_PER_ACCOUNT).parallel().forEach(i -> {
                String group = GROUPS[i % GROUPS.length];
                OperatingSystem os = OSES[i % OSES.length];
                String hostname = "node-" + account.getAccountId() + "-" + i;
                CreateActivationResponse activation = Objects.requireNonNull(activations.get(group), group);
                try {
                    String instanceId = test.registerAgent(
                            activation.activationId(), activation.activationCode(), hostname, Fixtures.platform(os));
                    nodes.add(
                            account.getAccountId(),
                            new EnrolledNode(
                                    instanceId,
                                    UUID.randomUUID().toString(),
                                    "tenant-" + account.getAccountId(),
                                    CloudProvider.GCP,
                                    Fixtures.cloudAccountId(account),
                                    "Acme",
                                    "vm-" + i,
                                    hostname,
                                    os.name(),
                                    group,
                                    Optional.empty(),
                                    Optional.empty(),
                                    Optional.empty()));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
        }
    }

    private static long awaitScanned(CloudSimulator simulator, List<SystemAccountRef> refs) throws Exception {
        long deadline = System.nanoTime() + 600_000_000_000L;
        while (true) {
            long reported = 0;
            for (SystemAccountRef ref : refs) {
                try (AccountSsm test = new AccountSsm(simulator, ref.accountId())) {
                    reported += test.patchStates().size();
                }
            }
            if (reported >= (long) refs.size() * NODES_PER_ACCOUNT || System.nanoTime() > deadline) {
                return reported;
            }
            java.util.concurrent.locks.LockSupport.parkNanos(1_000_000_000L);
        }
    }
}
