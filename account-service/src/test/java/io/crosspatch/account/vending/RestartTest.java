package io.crosspatch.account.vending;

import static io.crosspatch.account.vending.Enrollments.anyGcpAccount;
import static io.crosspatch.account.vending.Enrollments.verified;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.crosspatch.account.AccountServiceApplication;
import io.crosspatch.account.vending.application.SystemAccountRepository;
import io.crosspatch.account.vending.domain.SystemAccountState;
import io.crosspatch.events.IdentityVerified;
import io.crosspatch.kernel.CloudAccountKey;
import io.crosspatch.schemas.topics.Providers;
import io.crosspatch.schemas.topics.Topics;
import io.crosspatch.servicekit.testing.TestJwtIssuer;
import io.crosspatch.servicekit.testing.TestbedContextInitializer;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * The service is stopped while Organizations is creating an account and started again later: the stored request
 * id is followed, no second account is made, and enrollments that arrived meanwhile complete. The service runs
 * as its own Spring application here (not a test context) so the test can stop it and start a new one.
 */
class RestartTest {

    private static final String GROUP = "account-it-restart";
    private static OutcomeTap tap;

    @BeforeAll
    static void startAtTheEndOfTheTopic() throws Exception {
        TestSimulator.reset();
        VendingIntegrationTest.skipExistingRecords(GROUP);
        tap = new OutcomeTap();
    }

    @AfterAll
    static void closeTap() throws InterruptedException {
        tap.close();
    }

    @Test
    void resumesCreationAfterRestartWithoutSecondAccount() throws Exception {
        // given a creation that takes an hour, requested by a first instance of the service
        TestSimulator.get().context().config().accountCreationDuration(Duration.ofHours(1));
        CloudAccountKey account = anyGcpAccount("restart");
        try (ConfigurableApplicationContext first = startService()) {
            send(first, verified(account, "enr-restart-1"));
            send(first, verified(account, "enr-restart-2"));
            SystemAccountRepository accounts = first.getBean(SystemAccountRepository.class);
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> accounts.find(account)
                            .map(found -> found.state() == SystemAccountState.CREATING)
                            .orElse(false));
            assertThat(TestSimulator.calls("organizations", "CreateAccount")).isEqualTo(1);
            // when the service stops before the creation SUCCEEDED
        }
        // and the creation completes and more VMs enroll while it is down
        TestSimulator.get().clock().advance(Duration.ofHours(2));
        try (ConfigurableApplicationContext second = startService()) {
            send(second, verified(account, "enr-restart-3"));
            send(second, verified(account, "enr-restart-1"));

            // then all enrollments complete on the one account the first instance asked for
            await().atMost(Duration.ofMinutes(1))
                    .until(() -> tap.ready(Set.of(account.toString())).size() == 3);
            assertThat(tap.ready(Set.of(account.toString())))
                    .extracting(seen -> seen.value().getEnrollmentId())
                    .containsExactlyInAnyOrder("enr-restart-1", "enr-restart-2", "enr-restart-3");
        }
        assertThat(TestSimulator.calls("organizations", "CreateAccount")).isEqualTo(1);
        assertThat(TestSimulator.accountsTagged(account.cloudAccountId())).hasSize(1);
    }

    private static ConfigurableApplicationContext startService() {
        Map<String, Object> properties = new HashMap<>(TestSimulator.springProperties());
        properties.put("crosspatch.cassandra.keyspace", "account_it_restart");
        properties.put("crosspatch.cassandra.schema-location", "classpath*:cassandra/crosspatch_account/*.cql");
        properties.put("spring.kafka.consumer.group-id", GROUP);
        properties.put("server.port", "0");
        properties.putAll(TestJwtIssuer.trustProperties("crosspatch.operator.auth", "crosspatch-account"));
        ConfigurableApplicationContext context = new SpringApplicationBuilder(AccountServiceApplication.class)
                .initializers(
                        new TestbedContextInitializer(),
                        testProperties -> testProperties
                                .getEnvironment()
                                .getPropertySources()
                                .addFirst(new MapPropertySource("restart-test", properties)))
                .run();
        KafkaListenerEndpointRegistry listeners = context.getBean(KafkaListenerEndpointRegistry.class);
        await().atMost(Duration.ofMinutes(1))
                .until(() -> listeners.getListenerContainers().stream()
                        .allMatch(container -> container.getAssignedPartitions() != null
                                && container.getAssignedPartitions().size() == Topics.IDENTITY_VERIFIED.partitions()));
        return context;
    }

    @SuppressWarnings("unchecked")
    private static void send(ConfigurableApplicationContext context, IdentityVerified event) throws Exception {
        KafkaTemplate<String, Object> kafka = context.getBean(KafkaTemplate.class);
        String key = Providers.accountKey(
                        event.getIdentity().getProvider(), event.getIdentity().getCloudAccountId())
                .toString();
        kafka.send(Topics.IDENTITY_VERIFIED.name(), key, event).get(10, TimeUnit.SECONDS);
    }
}
