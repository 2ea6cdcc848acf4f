package io.crosspatch.patching.offboarding.aws;

import java.util.Set;
import software.amazon.awssdk.services.ssm.model.SsmException;

/**
 * Runs a delete and treats SSM's "no such thing" as done: offboarding deletes what may have been deleted already (by
 * an interrupted earlier round, or by an operator), and that is its goal reached, not a failure.
 */
final class GoneIsFine {

    private static final Set<String> GONE = Set.of(
            "InvalidInstanceId",
            "InvalidActivation",
            "InvalidActivationId",
            "DoesNotExistException",
            "AssociationDoesNotExist");

    private GoneIsFine() {}

    /** Answers whether the call deleted something (false when it was gone already). */
    static boolean call(Runnable delete) {
        try {
            delete.run();
            return true;
        } catch (SsmException e) {
            if (e.awsErrorDetails() != null && GONE.contains(e.awsErrorDetails().errorCode())) {
                return false;
            }
            throw e;
        }
    }
}
