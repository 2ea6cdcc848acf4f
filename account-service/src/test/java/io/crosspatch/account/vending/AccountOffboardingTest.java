package io.crosspatch.account.vending;

import static io.crosspatch.account.vending.Enrollments.anyGcpAccount;
import static io.crosspatch.account.vending.Enrollments.verified;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.crosspatch.account.vending.domain.AccountNaming;
import io.crosspatch.events.AccountReleased;
import io.crosspatch.kernel.CloudAccountKey;
import io.crosspatch.schemas.topics.Providers;
import io.crosspatch.schemas.topics.Topics;
import io.crosspatch.servicekit.testing.CrosspatchIntegrationTest;
import io.crosspatch.servicekit.testing.TestJwtIssuer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Offboarding as account-service sees it: a released system account is closed with Organizations CloseAccount once
 * (duplicates harmless), stays released while Organizations refuses and is closed later, and the cloud account's next
 * enrollment gets a new system account; an operator resets a FAILED account and only a FAILED one.
 */
@CrosspatchIntegrationTest(
        properties = {
            "crosspatch.cassandra.keyspace=account_it_offboarding",
            "spring.kafka.consumer.group-id=account-it-offboarding",
            "crosspatch.accounts.close-retry=PT2S"
        })
class AccountOffboardingTest extends VendingIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    private int port;

    @Autowired
    private AccountNaming naming;

    @Test
    void closesAReleasedSystemAccountOnceAndGivesTheNextEnrollmentANewOne() {
        // given a cloud account with a ready system account
        CloudAccountKey key = anyGcpAccount("offboard");
        String first = readySystemAccount(key, "enr-off-1");

        // when patching-service releases it, twice
        release(key, first);
        release(key, first);

        // then it is closed, once, and no longer the cloud account's system account
        await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> closure(first).map(c -> c.path("state").asText()),
                        state -> state.equals(Optional.of("CLOSED")));
        assertThat(simulatorStatus(key, first)).isIn("PENDING_CLOSURE", "SUSPENDED");
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(4))
                .until(() -> TestSimulator.calls("organizations", "CloseAccount") == 1);
        assertThat(call("GET", "/v1/system-accounts/gcp/" + key.cloudAccountId(), operator())
                        .statusCode())
                .isEqualTo(404);

        // and a later enrollment of the re-onboarded cloud account gets a new system account
        send(verified(key, "enr-off-2"));
        await().atMost(Duration.ofMinutes(1))
                .until(() -> tap.ready(Set.of(key.toString())).size() == 2);
        String second = tap.ready(Set.of(key.toString()))
                .get(1)
                .value()
                .getSystemAccount()
                .getAccountId();
        assertThat(second).isNotEqualTo(first);
        assertThat(simulatorStatus(key, second)).isEqualTo("ACTIVE");
    }

    @Test
    void keepsAReleasedAccountWhileOrganizationsRefusesToCloseItAndClosesItLater() {
        CloudAccountKey key = anyGcpAccount("refused");
        String accountId = readySystemAccount(key, "enr-refused-1");
        TestSimulator.get().context().config().maxAccountClosuresInProgress(0);
        try {
            // when it is released while Organizations takes no closure
            release(key, accountId);

            // then it stays released, with Organizations' reason shown to operators
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> closure(accountId)
                                    .map(c -> c.path("refusals").asInt())
                                    .orElse(0)
                            >= 1);
            JsonNode refused = closure(accountId).orElseThrow();
            assertThat(refused.path("state").asText()).isEqualTo("RELEASED");
            assertThat(refused.path("failureReason").asText()).isEqualTo("CLOSE_ACCOUNT_REQUESTS_LIMIT_EXCEEDED");
            assertThat(simulatorStatus(key, accountId)).isEqualTo("ACTIVE");
        } finally {
            TestSimulator.get().context().config().maxAccountClosuresInProgress(10);
        }

        // and once Organizations takes it again the retry closes it
        await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> closure(accountId).map(c -> c.path("state").asText()),
                        state -> state.equals(Optional.of("CLOSED")));
        assertThat(simulatorStatus(key, accountId)).isIn("PENDING_CLOSURE", "SUSPENDED");
    }

    @Test
    void resetsOnlyAFailedSystemAccountAndTheNextEnrollmentCreatesAFreshOne() {
        // given a cloud account whose creation failed, and one whose account is ready
        CloudAccountKey failed = anyGcpAccount("reset");
        TestSimulator.failNextCreation(naming.email(failed, "acme"), "ACCOUNT_LIMIT_EXCEEDED");
        send(verified(failed, "enr-reset-1"));
        await().atMost(Duration.ofMinutes(1))
                .until(() -> tap.failed(Set.of("enr-reset-1")).size() == 1);
        CloudAccountKey ready = anyGcpAccount("not-failed");
        readySystemAccount(ready, "enr-not-failed-1");

        // then only an operator may reset, only a FAILED account, and an unknown one is not found
        assertThat(call(
                                "POST",
                                resetPath(failed),
                                TestJwtIssuer.token(OPERATOR_AUDIENCE).sign())
                        .statusCode())
                .isEqualTo(403);
        assertThat(error(call("POST", resetPath(ready), operator()), 409)).isEqualTo("SYSTEM_ACCOUNT_NOT_FAILED");
        assertThat(error(call("POST", resetPath(anyGcpAccount("nobody")), operator()), 404))
                .isEqualTo("SYSTEM_ACCOUNT_NOT_FOUND");
        assertThat(error(call("POST", "/v1/system-accounts/ibm/x/reset", operator()), 400))
                .isEqualTo("INVALID_PROVIDER");

        // when the operator resets the failed one
        assertThat(call("POST", resetPath(failed), operator()).statusCode()).isEqualTo(202);

        // then it is gone, and the next enrollment creates a new account under a new address
        assertThat(call("GET", "/v1/system-accounts/gcp/" + failed.cloudAccountId(), operator())
                        .statusCode())
                .isEqualTo(404);
        send(verified(failed, "enr-reset-2"));
        await().atMost(Duration.ofMinutes(1))
                .until(() -> tap.ready(Set.of(failed.toString())).size() == 1);
        JsonNode fresh = body(call("GET", "/v1/system-accounts/gcp/" + failed.cloudAccountId(), operator()));
        assertThat(fresh.path("state").asText()).isEqualTo("READY");
        assertThat(fresh.path("email").asText())
                .isEqualTo(naming.email(failed, "acme", 1))
                .isNotEqualTo(naming.email(failed, "acme"));
    }

    private String readySystemAccount(CloudAccountKey key, String enrollmentId) {
        send(verified(key, enrollmentId));
        await().atMost(Duration.ofMinutes(1))
                .until(() -> tap.ready(Set.of(key.toString())).size() == 1);
        return tap.ready(Set.of(key.toString()))
                .get(0)
                .value()
                .getSystemAccount()
                .getAccountId();
    }

    private void release(CloudAccountKey key, String accountId) {
        AccountReleased event = AccountReleased.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(Instant.now())
                .setTenantId("acme")
                .setProvider(Providers.toAvro(key.provider()))
                .setCloudAccountId(key.cloudAccountId())
                .setSystemAccountId(accountId)
                .setReleasedAt(Instant.now())
                .build();
        try {
            kafka.send(Topics.ACCOUNT_RELEASED.name(), key.toString(), event).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not release " + key, e);
        }
    }

    private Optional<JsonNode> closure(String accountId) {
        JsonNode closures =
                body(call("GET", "/v1/system-accounts/closures", operator())).path("closures");
        return StreamSupport.stream(closures.spliterator(), false)
                .filter(c -> c.path("accountId").asText().equals(accountId))
                .findFirst();
    }

    private static String simulatorStatus(CloudAccountKey key, String accountId) {
        List<JsonNode> accounts = TestSimulator.accountsTagged(key.cloudAccountId());
        return accounts.stream()
                .filter(a -> a.path("id").asText().equals(accountId))
                .map(a -> a.path("status").asText())
                .findFirst()
                .orElseThrow();
    }

    private static String resetPath(CloudAccountKey key) {
        return "/v1/system-accounts/gcp/" + key.cloudAccountId() + "/reset";
    }

    private static String operator() {
        return TestJwtIssuer.token(OPERATOR_AUDIENCE).roles("operator").sign();
    }

    private static String error(HttpResponse<String> response, int expectedStatus) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(expectedStatus);
        return body(response).path("error").asText();
    }

    private static JsonNode body(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private HttpResponse<String> call(String method, String path, String token) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, HttpRequest.BodyPublishers.noBody())
                .header("Authorization", "Bearer " + token)
                .build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
