package io.crosspatch.simulator.aws;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * One decoded, authenticated AWS API request.
 *
 * @param service    signing name of the service: {@code ssm}, {@code organizations}, {@code sts}, {@code iam}
 * @param operation  the API operation, e.g. {@code CreateActivation}
 * @param caller     who signed it
 * @param region     the region of the signature's credential scope
 * @param json       the request body for AWS JSON 1.1 services, else an empty object
 * @param query      the form parameters for AWS Query services ({@code Tags.member.1.Key} style), else empty
 */
public record AwsCall(
        String service, String operation, Caller caller, String region, JsonNode json, Map<String, String> query) {

    /** The caller's account: every resource lookup is scoped to it. */
    public String accountId() {
        return caller.accountId();
    }
}
