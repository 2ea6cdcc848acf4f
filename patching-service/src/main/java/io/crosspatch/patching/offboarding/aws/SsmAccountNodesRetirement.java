package io.crosspatch.patching.offboarding.aws;

import io.crosspatch.patching.offboarding.application.AccountNodesRetirement;
import io.crosspatch.patching.offboarding.domain.AccountOffboarding;
import io.crosspatch.patching.systemaccount.application.BudgetedCalls;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.DescribeInstanceInformationResponse;
import software.amazon.awssdk.services.ssm.model.InstanceInformation;

/**
 * Retires an offboarded account's nodes by deregistering every managed node of its system account, through the
 * account's SSM budget; a node already gone is fine. It does not publish {@code instance.retired}: it is replaced at
 * merge by the instance-retirement feature, which retires each node the way one instance is retired.
 */
@Component
class SsmAccountNodesRetirement implements AccountNodesRetirement {

    private static final Logger log = LoggerFactory.getLogger(SsmAccountNodesRetirement.class);

    private final BudgetedCalls<SsmClient> ssm;

    public SsmAccountNodesRetirement(BudgetedCalls<SsmClient> ssm) {
        this.ssm = ssm;
    }

    @Override
    public void retireAll(AccountOffboarding offboarding) {
        List<String> nodes = new ArrayList<>();
        String token = null;
        do {
            String next = token;
            DescribeInstanceInformationResponse page = ssm.call(
                    offboarding.account(),
                    "DescribeInstanceInformation",
                    c -> c.describeInstanceInformation(r -> r.maxResults(50).nextToken(next)));
            page.instanceInformationList().stream()
                    .map(InstanceInformation::instanceId)
                    .forEach(nodes::add);
            token = page.nextToken();
        } while (token != null);
        for (String node : nodes) {
            GoneIsFine.call(() -> ssm.call(
                    offboarding.account(),
                    "DeregisterManagedInstance",
                    c -> c.deregisterManagedInstance(r -> r.instanceId(node))));
        }
        log.info(
                "retired {} nodes of system account {} (ACCOUNT_OFFBOARDED)",
                nodes.size(),
                offboarding.account().accountId());
    }
}
