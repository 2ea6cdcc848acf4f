package io.crosspatch.simulator.aws;

import com.fasterxml.jackson.databind.JsonNode;

/** One operation of an AWS JSON 1.1 service (SSM, Organizations): request body in, response body out. */
@FunctionalInterface
public interface JsonOperation {

    /** @throws AwsException for any error AWS would return */
    JsonNode handle(AwsCall call);
}
