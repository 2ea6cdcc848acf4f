package io.crosspatch.simulator.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.crosspatch.simulator.CloudSimulator;
import io.crosspatch.simulator.SharedSimulator;
import io.crosspatch.simulator.SimulatorConfig;
import io.crosspatch.simulator.client.SimulatorPaths;
import io.crosspatch.simulator.http.Http;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.StsException;

/** Throttling, injected faults and call counts, as the SDK and the services experience them. */
class TrafficControlTest {

    @Test
    void shouldAnswerWithServicesThrottlingCodeAndCountEveryRetry() {
        try (CloudSimulator simulator = CloudSimulator.start(SimulatorConfig.defaults());
                StsClient sts = sts(simulator, RetryMode.STANDARD)) {
            // given every call throttled
            simulator.traffic().addFault(new Fault("sts", "GetCallerIdentity", 1.0, 0.0, 0));

            // then the SDK retries (standard mode: 3 attempts) and gives up with STS's throttling code
            assertThatThrownBy(sts::getCallerIdentity)
                    .isInstanceOf(StsException.class)
                    .satisfies(
                            e -> assertThat(((StsException) e).awsErrorDetails().errorCode())
                                    .isEqualTo("Throttling"));
            assertThat(simulator.calls().count("111111111111", "sts", "GetCallerIdentity"))
                    .isEqualTo(3);
        }
    }

    @Test
    void shouldLetSdkRetriesAbsorbPartialThrottling() {
        try (CloudSimulator simulator =
                        CloudSimulator.start(SimulatorConfig.defaults().seed(7));
                StsClient sts = sts(simulator, RetryMode.STANDARD)) {
            simulator.traffic().addFault(new Fault("sts", "*", 0.3, 0.0, 0));

            for (int i = 0; i < 30; i++) {
                assertThat(sts.getCallerIdentity().account()).isEqualTo("111111111111");
            }
            assertThat(simulator.calls().count("sts", "GetCallerIdentity")).isGreaterThan(30);
        }
    }

    @Test
    void shouldThrottleBeyondThePerAccountRate() {
        try (CloudSimulator simulator = CloudSimulator.start(SimulatorConfig.defaults());
                StsClient sts = StsClient.builder()
                        .endpointOverride(simulator.endpoint())
                        .region(Region.EU_WEST_1)
                        .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
                        .credentialsProvider(management(simulator))
                        .build()) {
            simulator.traffic().limits().set("sts", "GetCallerIdentity", new RateLimits.Limit(1, 3));
            List<String> outcomes = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                try {
                    sts.getCallerIdentity();
                    outcomes.add("ok");
                } catch (StsException e) {
                    outcomes.add(e.awsErrorDetails().errorCode());
                }
            }
            assertThat(outcomes).startsWith("ok", "ok", "ok").contains("Throttling");
        }
    }

    @Test
    void shouldAnswerInjectedServerErrorsAs5xx() {
        try (CloudSimulator simulator = CloudSimulator.start(SimulatorConfig.defaults());
                StsClient sts = sts(simulator, RetryMode.STANDARD)) {
            simulator.traffic().addFault(new Fault("sts", "*", 0.0, 1.0, 0));

            assertThatThrownBy(sts::getCallerIdentity)
                    .isInstanceOf(SdkException.class)
                    .satisfies(e -> assertThat(((StsException) e).statusCode()).isEqualTo(503));
        }
    }

    @Test
    void shouldReportCallCountsOverHttp() throws Exception {
        try (StsClient sts = SharedSimulator.sts(SharedSimulator.management())) {
            sts.getCallerIdentity();
        }
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(SharedSimulator.endpoint() + SimulatorPaths.CALLS))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

        JsonNode rows = Http.JSON.readTree(response.body());
        assertThat(rows).anySatisfy(row -> {
            assertThat(row.get("service").asText()).isEqualTo("sts");
            assertThat(row.get("operation").asText()).isEqualTo("GetCallerIdentity");
            assertThat(row.get("calls").asLong()).isPositive();
        });
    }

    @Test
    void shouldAdvanceTheClockOverHttp() throws Exception {
        try (CloudSimulator simulator = CloudSimulator.start(SimulatorConfig.defaults())) {
            java.time.Instant before = simulator.clock().instant();
            HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(simulator.endpoint() + SimulatorPaths.CLOCK))
                                    .POST(HttpRequest.BodyPublishers.ofString("{\"advanceSeconds\": 86400}"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());

            assertThat(simulator.clock().instant()).isAfterOrEqualTo(before.plusSeconds(86400));
        }
    }

    private static StsClient sts(CloudSimulator simulator, RetryMode retryMode) {
        return StsClient.builder()
                .endpointOverride(simulator.endpoint())
                .region(Region.EU_WEST_1)
                .overrideConfiguration(o -> o.retryStrategy(retryMode))
                .credentialsProvider(management(simulator))
                .build();
    }

    private static StaticCredentialsProvider management(CloudSimulator simulator) {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(
                simulator.managementCredentials().accessKeyId(),
                simulator.managementCredentials().secretAccessKey()));
    }
}
