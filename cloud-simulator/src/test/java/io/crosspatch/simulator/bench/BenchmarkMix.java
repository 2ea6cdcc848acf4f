package io.crosspatch.simulator.bench;

import java.util.List;
import java.util.function.Consumer;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.sts.StsClient;

/** The calls the throughput benchmark cycles through: cheap reads over each wire protocol. */
final class BenchmarkMix {

    private BenchmarkMix() {
    }

    static List<Consumer<Integer>> operations(StsClient sts, IamClient iam, SsmClient ssm) {
        return List.of(
                i -> sts.getCallerIdentity(),
                i -> iam.getRole(r -> r.roleName("BenchRole")));
    }

    static String describe() {
        return "STS GetCallerIdentity, IAM GetRole (Query/XML)";
    }
}
