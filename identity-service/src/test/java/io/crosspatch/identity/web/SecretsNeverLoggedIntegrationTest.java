package io.crosspatch.identity.web;

import static io.crosspatch.identity.support.Enrollments.anyEnrollment;
import static io.crosspatch.identity.support.Enrollments.identity;
import static io.crosspatch.identity.support.Enrollments.secretOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.crosspatch.events.ActivationStage;
import io.crosspatch.events.InstanceActivated;
import io.crosspatch.events.IssuedActivation;
import io.crosspatch.events.Provider;
import io.crosspatch.identity.support.ActivationCodes;
import io.crosspatch.identity.support.Api;
import io.crosspatch.identity.support.Identities;
import io.crosspatch.identity.support.IngressIntegrationTest;
import io.crosspatch.schemas.topics.Topics;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Runs enrollments of every provider, a conflict, bad input and a status poll that returns an activation code, with
 * every logger at DEBUG, and greps everything the service logged: no secret, no activation code, no whole token.
 */
@ExtendWith(OutputCaptureExtension.class)
class SecretsNeverLoggedIntegrationTest extends IngressIntegrationTest {

    @Test
    void shouldNeverLogASecretAnActivationCodeOrAWholeToken(CapturedOutput output) {
        // given
        ch.qos.logback.classic.Logger root =
                (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("io.crosspatch");
        ch.qos.logback.classic.Level before = root.getLevel();
        root.setLevel(ch.qos.logback.classic.Level.DEBUG);
        List<String> secrets = new ArrayList<>();
        try {
            Api vm = newSource();
            String code = "activation-code-" + UUID.randomUUID();
            secrets.add(code);
            for (int i = 0; i < 4; i++) {
                Map<String, Object> body = anyEnrollment(i);
                secrets.add(secretOf(body));
                identity(body).values().stream()
                        .map(String::valueOf)
                        .filter(value -> value.length() > 40)
                        .forEach(secrets::add);
                HttpResponse<String> accepted = vm.postJson("/v1/enrollments", body);
                assertThat(accepted.statusCode()).isEqualTo(202);
                String id = Api.tree(accepted).get("enrollmentId").asText();
                vm.postJson("/v1/enrollments", Map.of("provider", "gcp", "enrollmentSecret", secretOf(body)));
                vm.get("/v1/enrollments/" + id, Identities.secret());
                body.put("labels", Map.of("changed", "yes"));
                vm.postJson("/v1/enrollments", body);
                if (i == 0) {
                    // when: the activation is issued and the VM polls for it
                    kafka.send(Topics.INSTANCE_ACTIVATED.name(), "gcp:acme-prod", activationIssued(id, code));
                    Awaitility.await()
                            .atMost(PATIENCE)
                            .until(() -> vm.get("/v1/enrollments/" + id, secretOf(body))
                                    .body()
                                    .contains(code));
                }
            }
        } finally {
            root.setLevel(before);
        }

        // then
        assertThat(output.getAll()).contains("enrollment accepted");
        for (String secret : secrets) {
            assertThat(output.getAll()).doesNotContain(secret);
        }
    }

    private static InstanceActivated activationIssued(String id, String code) {
        return InstanceActivated.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(Instant.now())
                .setEnrollmentId(id)
                .setTenantId("tenant-a")
                .setProvider(Provider.GCP)
                .setCloudAccountId("acme-prod")
                .setInstanceId("1234")
                .setSystemAccountId("210987654321")
                .setStage(ActivationStage.ACTIVATION_ISSUED)
                .setActivation(IssuedActivation.newBuilder()
                        .setActivationId("act-" + id)
                        .setRegion("eu-west-1")
                        .setExpiresAt(Instant.now().plus(Duration.ofDays(1)))
                        .setEncryptedActivationCode(ActivationCodes.encrypt(code))
                        .setEncryptionKeyId(ActivationCodes.KEY_ID)
                        .build())
                .build();
    }
}
