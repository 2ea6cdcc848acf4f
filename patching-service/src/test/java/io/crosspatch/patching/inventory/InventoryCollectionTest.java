package io.crosspatch.patching.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.crosspatch.events.AccountReady;
import io.crosspatch.events.ActivationStage;
import io.crosspatch.events.InstalledApplication;
import io.crosspatch.events.InstanceActivated;
import io.crosspatch.events.InstanceInventory;
import io.crosspatch.events.OperatingSystem;
import io.crosspatch.events.SystemAccount;
import io.crosspatch.patching.inventory.application.InventoryCollector;
import io.crosspatch.patching.registration.application.RegistrationWatcher;
import io.crosspatch.patching.support.AccountSsm;
import io.crosspatch.patching.support.Fixtures;
import io.crosspatch.patching.support.PatchingIntegrationTest;
import io.crosspatch.patching.systemaccount.domain.SystemAccountRef;
import io.crosspatch.schemas.topics.Topics;
import io.crosspatch.servicekit.activationcode.ActivationCodeCipher;
import io.crosspatch.servicekit.testing.EventLog;
import io.crosspatch.simulator.client.SimulatorControl;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Inventory collection against the simulator's AWS-GatherSoftwareInventory: once the reconciled inventory
 * association has reached the nodes, instance.inventory says per instance what the simulator's ground truth says
 * (OS, kernel, every application); an unchanged account publishes nothing; an application installed on one node is
 * published, for that node only, after the next daily gather.
 */
class InventoryCollectionTest extends PatchingIntegrationTest {

    @Autowired
    private KafkaTemplate<String, Object> kafka;

    @Autowired
    private ActivationCodeCipher cipher;

    @Autowired
    private RegistrationWatcher watcher;

    @Autowired
    private InventoryCollector collector;

    @Test
    void publishesEachInstancesInventoryOnceAndAgainOnlyWhenItChanged() throws Exception {
        // given an Ubuntu and a RHEL node in one account, and the inventory association (desired state) run on them
        SystemAccount account = Fixtures.anySystemAccount(SIMULATOR);
        SystemAccountRef ref = new SystemAccountRef(
                account.getAccountId(), account.getRegion(), account.getRoleArn(), account.getSsmServiceRoleName());
        SimulatorControl control = new SimulatorControl(SIMULATOR.endpoint());
        Map<OperatingSystem, String> nodeOf = new HashMap<>();
        try (AccountSsm test = new AccountSsm(SIMULATOR, account.getAccountId())) {
            for (OperatingSystem os : List.of(OperatingSystem.UBUNTU, OperatingSystem.REDHAT_ENTERPRISE_LINUX)) {
                nodeOf.put(os, enrollAndRegister(test, account, os));
            }
            assertThat(watcher.watch(ref)).isEqualTo(2);
            SIMULATOR.clock().tick();

            // when inventory is collected
            int published = collector.collect(ref);

            // then one inventory per instance, each exactly the simulator's ground truth
            assertThat(published).isEqualTo(2);
            JsonNode truth = control.inventory(account.getAccountId(), Fixtures.REGION);
            assertThat(truth).hasSize(2);
            Map<String, InstanceInventory> latest = latest(account);
            for (JsonNode expected : truth) {
                String node = expected.get("InstanceId").asText();
                InstanceInventory inventory = latest.get(node);
                assertThat(inventory).as(node).isNotNull();
                JsonNode information =
                        expected.get("AWS:InstanceInformation").get("Entries").get(0);
                assertThat(inventory.getPlatformName())
                        .isEqualTo(information.get("PlatformName").asText());
                assertThat(inventory.getPlatformVersion())
                        .isEqualTo(information.get("PlatformVersion").asText());
                assertThat(inventory.getAgentVersion())
                        .isEqualTo(information.get("AgentVersion").asText());
                List<String> expectedNames = new ArrayList<>();
                expected.get("AWS:Application")
                        .get("Entries")
                        .forEach(e -> expectedNames.add(e.get("Name").asText()));
                assertThat(inventory.getApplicationCount()).isEqualTo(expectedNames.size());
                assertThat(inventory.getApplicationsTruncated()).isFalse();
                assertThat(inventory.getApplications())
                        .extracting(InstalledApplication::getName)
                        .containsExactlyElementsOf(
                                expectedNames.stream().sorted().toList());
            }
            assertThat(latest.get(nodeOf.get(OperatingSystem.UBUNTU)).getKernelVersion())
                    .startsWith("6.8.0-");
            assertThat(latest.get(nodeOf.get(OperatingSystem.REDHAT_ENTERPRISE_LINUX))
                            .getKernelVersion())
                    .startsWith("5.14.0-");

            // when nothing changed, a second sweep publishes nothing
            assertThat(collector.collect(ref)).isZero();

            // when an application is installed on one node, the next daily gather publishes exactly that instance
            String changed = nodeOf.get(OperatingSystem.UBUNTU);
            control.installApplication(
                    account.getAccountId(), Fixtures.REGION, changed, "nginx", "1.24.0-2ubuntu7", "Ubuntu Developers");
            assertThat(collector.collect(ref)).isZero();
            SIMULATOR.clock().advance(Duration.ofDays(1).plusMinutes(1));
            // a day on, the account's role session has expired in AWS's eyes: a sweep may fail once and renew it
            AtomicInteger publishedAfterInstall = new AtomicInteger();
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> publishedAfterInstall.addAndGet(collector.collectAll(List.of(ref))) >= 1);
            assertThat(publishedAfterInstall).hasValue(1);
            List<InstanceInventory> ofChanged = EventLog.all(
                            Topics.INSTANCE_INVENTORY.name(),
                            Fixtures.cloudAccountKey(account),
                            InstanceInventory.class)
                    .stream()
                    .filter(i -> i.getManagedInstanceId().equals(changed))
                    .toList();
            assertThat(ofChanged).hasSize(2);
            assertThat(ofChanged.get(1).getApplicationCount())
                    .isEqualTo(ofChanged.get(0).getApplicationCount() + 1);
            assertThat(ofChanged.get(1).getApplications())
                    .filteredOn(a -> a.getName().equals("nginx"))
                    .singleElement()
                    .satisfies(a -> assertThat(a.getVersion()).isEqualTo("1.24.0-2ubuntu7"));
            assertThat(ofChanged.get(1).getOccurredAt())
                    .isAfter(ofChanged.get(0).getOccurredAt());
        }
    }

    private String enrollAndRegister(AccountSsm test, SystemAccount account, OperatingSystem os) throws Exception {
        AccountReady ready = Fixtures.accountReady(account, os, "early");
        kafka.send(Topics.ACCOUNT_READY.name(), Fixtures.cloudAccountKey(account), ready)
                .get();
        InstanceActivated issued = EventLog.await(
                        Topics.INSTANCE_ACTIVATED.name(),
                        Fixtures.cloudAccountKey(account),
                        InstanceActivated.class,
                        e -> e.getEnrollmentId().equals(ready.getEnrollmentId())
                                && e.getStage() == ActivationStage.ACTIVATION_ISSUED,
                        1)
                .get(0);
        return test.registerAgent(
                issued.getActivation().getActivationId(),
                cipher.decrypt(issued.getActivation().getEncryptedActivationCode()),
                ready.getIdentity().getHostname(),
                Fixtures.platform(os));
    }

    private static Map<String, InstanceInventory> latest(SystemAccount account) {
        Map<String, InstanceInventory> latest = new HashMap<>();
        EventLog.all(Topics.INSTANCE_INVENTORY.name(), Fixtures.cloudAccountKey(account), InstanceInventory.class)
                .forEach(
                        inventory -> latest.put(inventory.getManagedInstanceId().toString(), inventory));
        return latest;
    }
}
