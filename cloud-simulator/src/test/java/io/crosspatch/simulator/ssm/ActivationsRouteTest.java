package io.crosspatch.simulator.ssm;

import static io.crosspatch.simulator.ssm.SsmFixtures.REGION;
import static io.crosspatch.simulator.ssm.SsmFixtures.activation;
import static io.crosspatch.simulator.ssm.SsmFixtures.registerUbuntu;
import static io.crosspatch.simulator.ssm.SsmFixtures.tag;
import static io.crosspatch.simulator.ssm.SsmFixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.crosspatch.simulator.client.SimulatorPaths;
import io.crosspatch.simulator.ssm.SsmFixtures.SimResponse;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.CreateActivationResponse;

/** {@code GET /_sim/activations}: the activations ground truth fault drills count per enrollment. */
class ActivationsRouteTest {

    private static final SsmClient ssm = io.crosspatch.simulator.SharedSimulator.ssm(SsmFixtures.management());

    @AfterAll
    static void closeClient() {
        ssm.close();
    }

    @Test
    void listsActivationsWithTagsLimitAndRegistrationsButNeverTheCode() {
        // given one activation used by a node and one left unused, both tagged with the same enrollment
        String enrollment = unique("enrollment");
        CreateActivationResponse used = activation(ssm, 1, tag("crosspatch:enrollment", enrollment));
        CreateActivationResponse unused = activation(ssm, 1, tag("crosspatch:enrollment", enrollment));
        registerUbuntu(used);

        // when
        SimResponse listed = SsmFixtures.get(
                SimulatorPaths.ACTIVATIONS + "?accountId=" + SsmFixtures.MANAGEMENT_ACCOUNT + "&region=" + REGION);

        // then
        assertThat(listed.status()).isEqualTo(200);
        JsonNode usedJson = find(listed.body(), used.activationId());
        assertThat(usedJson.get("registrationsCount").asInt()).isEqualTo(1);
        assertThat(usedJson.get("registrationLimit").asInt()).isEqualTo(1);
        assertThat(usedJson.get("accountId").asText()).isEqualTo(SsmFixtures.MANAGEMENT_ACCOUNT);
        assertThat(usedJson.get("expired").asBoolean()).isFalse();
        assertThat(usedJson.path("tags").path("crosspatch:enrollment").asText()).isEqualTo(enrollment);
        assertThat(find(listed.body(), unused.activationId())
                        .get("registrationsCount")
                        .asInt())
                .isZero();
        assertThat(listed.body().toString())
                .doesNotContain(used.activationCode())
                .doesNotContain(unused.activationCode());
    }

    @Test
    void filtersByAccountAndAnswersNotFoundForOtherMethods() {
        assertThat(SsmFixtures.get(SimulatorPaths.ACTIVATIONS + "?accountId=000000000001")
                        .body())
                .isEmpty();
        assertThat(SsmFixtures.post(SimulatorPaths.ACTIVATIONS, "{}").status()).isEqualTo(404);
    }

    private static JsonNode find(JsonNode activations, String activationId) {
        return StreamSupport.stream(activations.spliterator(), false)
                .filter(a -> a.get("activationId").asText().equals(activationId))
                .findFirst()
                .orElseThrow();
    }
}
