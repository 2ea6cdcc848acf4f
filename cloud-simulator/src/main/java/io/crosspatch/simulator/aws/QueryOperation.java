package io.crosspatch.simulator.aws;

/**
 * One operation of an AWS Query service (STS, IAM): form parameters in, the inner XML of
 * {@code <ActionResult>} out (the envelope and request id are added by the protocol layer).
 */
@FunctionalInterface
public interface QueryOperation {

    /** @throws AwsException for any error AWS would return */
    String handle(AwsCall call);
}
