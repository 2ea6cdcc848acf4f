package io.crosspatch.simulator.organizations;

import static io.crosspatch.simulator.organizations.OrganizationsFixtures.anyAccountRequest;
import static io.crosspatch.simulator.organizations.OrganizationsFixtures.awaitCompleted;
import static io.crosspatch.simulator.organizations.OrganizationsFixtures.pendingFailures;
import static io.crosspatch.simulator.organizations.OrganizationsFixtures.send;
import static io.crosspatch.simulator.organizations.OrganizationsFixtures.uniqueEmail;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.crosspatch.simulator.client.SimulatorPaths;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.organizations.model.CreateAccountFailureReason;
import software.amazon.awssdk.services.organizations.model.CreateAccountStatus;

/** {@code /_sim/organizations/failures}: untargeted injections, their count, listing, clearing and bad input. */
class FailureInjectionEndpointTest {

    @Test
    void failsTheNextCreationsWithTheInjectedReasonAsOftenAsAsked() {
        try (DedicatedSimulator simulator = DedicatedSimulator.start(config -> config)) {
            // given
            JsonNode pending = send(
                    simulator.endpoint(),
                    "POST",
                    SimulatorPaths.ORGANIZATIONS_FAILURES,
                    "{\"reason\":\"CONCURRENT_ACCOUNT_MODIFICATION\",\"count\":2}",
                    200);
            assertThat(pending.get(0).path("count").asInt()).isEqualTo(2);

            // when three creations are requested
            List<String> requests = IntStream.range(0, 3)
                    .mapToObj(i -> simulator
                            .organizations()
                            .createAccount(anyAccountRequest(uniqueEmail("any")))
                            .createAccountStatus()
                            .id())
                    .toList();
            simulator.advance(Duration.ofHours(1));

            // then the first two failed with that reason and the injection is used up
            assertThat(requests)
                    .extracting(id -> awaitCompleted(simulator.organizations(), id))
                    .extracting(CreateAccountStatus::failureReason)
                    .containsExactly(
                            CreateAccountFailureReason.CONCURRENT_ACCOUNT_MODIFICATION,
                            CreateAccountFailureReason.CONCURRENT_ACCOUNT_MODIFICATION,
                            null);
            assertThat(pendingFailures(simulator.endpoint())).isEmpty();
        }
    }

    @Test
    void clearsPendingInjections() {
        try (DedicatedSimulator simulator = DedicatedSimulator.start(config -> config)) {
            send(
                    simulator.endpoint(),
                    "POST",
                    SimulatorPaths.ORGANIZATIONS_FAILURES,
                    "{\"reason\":\"INTERNAL_FAILURE\",\"count\":5}",
                    200);

            assertThat(send(simulator.endpoint(), "DELETE", SimulatorPaths.ORGANIZATIONS_FAILURES, null, 200))
                    .isEmpty();
            assertThat(pendingFailures(simulator.endpoint())).isEmpty();
        }
    }

    @Test
    void refusesAnUndocumentedReasonOrACountBelowOne() {
        try (DedicatedSimulator simulator = DedicatedSimulator.start(config -> config)) {
            send(simulator.endpoint(), "POST", SimulatorPaths.ORGANIZATIONS_FAILURES, "{\"reason\":\"BAD_LUCK\"}", 400);
            send(
                    simulator.endpoint(),
                    "POST",
                    SimulatorPaths.ORGANIZATIONS_FAILURES,
                    "{\"reason\":\"INTERNAL_FAILURE\",\"count\":0}",
                    400);

            assertThat(pendingFailures(simulator.endpoint())).isEmpty();
        }
    }
}
