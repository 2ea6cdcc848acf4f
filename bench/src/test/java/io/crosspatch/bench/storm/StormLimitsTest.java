package io.crosspatch.bench.storm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.crosspatch.bench.storm.TheoreticalMinimum.Bucket;
import io.crosspatch.bench.storm.TheoreticalMinimum.Limits;
import org.junit.jupiter.api.Test;

class StormLimitsTest {

    private static JsonNode simulatorAnswer(String limits) throws Exception {
        return new ObjectMapper().readTree("{\"enabled\": true, \"limits\": {" + limits + "}}");
    }

    @Test
    void takesTheLowerOfTheSimulatorsLimitAndTheServicesPacing() throws Exception {
        JsonNode answer = simulatorAnswer("\"organizations:CreateAccount\": {\"ratePerSecond\": 1, \"burst\": 5},"
                + "\"ssm:CreateActivation\": {\"ratePerSecond\": 10, \"burst\": 20},"
                + "\"ssm:*\": {\"ratePerSecond\": 20, \"burst\": 40}");

        Limits limits = StormLimits.from(answer, StormLimits.ClientBudgets.defaults());

        assertThat(limits.createAccount()).isEqualTo(new Bucket(0.9, 4));
        assertThat(limits.createActivation()).isEqualTo(new Bucket(8, 8));
        assertThat(limits.creationsInProgress()).isEqualTo(5);
    }

    @Test
    void fallsBackToTheServicesWildcardLimit() throws Exception {
        JsonNode answer = simulatorAnswer("\"organizations:*\": {\"ratePerSecond\": 0.5, \"burst\": 2},"
                + "\"ssm:*\": {\"ratePerSecond\": 4, \"burst\": 6}");

        Limits limits = StormLimits.from(answer, StormLimits.ClientBudgets.defaults());

        assertThat(limits.createAccount()).isEqualTo(new Bucket(0.5, 2));
        assertThat(limits.createActivation()).isEqualTo(new Bucket(4, 6));
    }
}
