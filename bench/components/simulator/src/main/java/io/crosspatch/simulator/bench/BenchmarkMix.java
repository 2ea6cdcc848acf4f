package io.crosspatch.simulator.bench;

import java.util.List;
import java.util.function.Consumer;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.sts.StsClient;

/** The calls the throughput benchmark cycles through: reads over each wire protocol, and one write. */
final class BenchmarkMix {

    private BenchmarkMix() {}

    static List<Consumer<Integer>> operations(
            StsClient sts, IamClient iam, SsmClient ssm, OrganizationsClient organizations) {
        return List.of(
                i -> sts.getCallerIdentity(),
                i -> iam.getRole(r -> r.roleName("BenchRole")),
                i -> ssm.describeInstanceInformation(r -> r.maxResults(10)),
                i -> ssm.describePatchBaselines(r -> r.maxResults(10)),
                i -> ssm.addTagsToResource(r -> r.resourceType("PatchBaseline")
                        .resourceId(BASELINE.get())
                        .tags(t -> t.key("bench").value(Integer.toString(i)))),
                i -> organizations.listAccounts(r -> r.maxResults(10)));
    }

    static String describe() {
        return "STS GetCallerIdentity, IAM GetRole (Query/XML); SSM DescribeInstanceInformation, DescribePatchBaselines, "
                + "AddTagsToResource; Organizations ListAccounts (JSON 1.1)";
    }

    /** The baseline the tagging calls write to, created by the benchmark's set-up. */
    static final java.util.concurrent.atomic.AtomicReference<String> BASELINE =
            new java.util.concurrent.atomic.AtomicReference<>();
}
