package io.crosspatch.patching.offboarding.aws;

import io.crosspatch.patching.offboarding.application.SystemAccountCleanup;
import io.crosspatch.patching.systemaccount.application.BudgetedCalls;
import io.crosspatch.patching.systemaccount.domain.SystemAccountRef;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.Activation;
import software.amazon.awssdk.services.ssm.model.Association;
import software.amazon.awssdk.services.ssm.model.DescribeActivationsResponse;
import software.amazon.awssdk.services.ssm.model.DescribeInstanceInformationResponse;
import software.amazon.awssdk.services.ssm.model.DescribeMaintenanceWindowsResponse;
import software.amazon.awssdk.services.ssm.model.DescribePatchBaselinesResponse;
import software.amazon.awssdk.services.ssm.model.DescribePatchGroupsResponse;
import software.amazon.awssdk.services.ssm.model.InstanceInformation;
import software.amazon.awssdk.services.ssm.model.ListAssociationsResponse;
import software.amazon.awssdk.services.ssm.model.MaintenanceWindowIdentity;
import software.amazon.awssdk.services.ssm.model.PatchBaselineIdentity;
import software.amazon.awssdk.services.ssm.model.PatchGroupPatchBaselineMapping;

/**
 * Removes patching-service's SSM resources from a system account, each call under the account's budget: every
 * managed node the retirement left (one it did not know of yet), every activation, and of the configuration only what carries the {@code crosspatch-} prefix the desired state names its
 * resources with (associations, maintenance windows — whose targets and tasks SSM deletes with them —, the patch
 * groups registered to our baselines, then the baselines, which SSM refuses to delete while a group uses them).
 */
@Component
class SsmSystemAccountCleanup implements SystemAccountCleanup {

    private static final String PREFIX = "crosspatch-";
    private static final int PAGE = 50;

    private final BudgetedCalls<SsmClient> ssm;

    public SsmSystemAccountCleanup(BudgetedCalls<SsmClient> ssm) {
        this.ssm = ssm;
    }

    @Override
    public int deregisterRemainingNodes(SystemAccountRef account) {
        List<String> nodes = new ArrayList<>();
        String token = null;
        do {
            String next = token;
            DescribeInstanceInformationResponse page = ssm.call(
                    account,
                    "DescribeInstanceInformation",
                    c -> c.describeInstanceInformation(r -> r.maxResults(PAGE).nextToken(next)));
            page.instanceInformationList().stream()
                    .map(InstanceInformation::instanceId)
                    .forEach(nodes::add);
            token = page.nextToken();
        } while (token != null);
        int deregistered = 0;
        for (String node : nodes) {
            if (GoneIsFine.call(() -> ssm.call(
                    account, "DeregisterManagedInstance", c -> c.deregisterManagedInstance(r -> r.instanceId(node))))) {
                deregistered++;
            }
        }
        return deregistered;
    }

    @Override
    public int deleteActivations(SystemAccountRef account) {
        List<String> ids = new ArrayList<>();
        String token = null;
        do {
            String next = token;
            DescribeActivationsResponse page = ssm.call(
                    account,
                    "DescribeActivations",
                    c -> c.describeActivations(r -> r.maxResults(PAGE).nextToken(next)));
            page.activationList().stream().map(Activation::activationId).forEach(ids::add);
            token = page.nextToken();
        } while (token != null);
        int deleted = 0;
        for (String id : ids) {
            if (GoneIsFine.call(
                    () -> ssm.call(account, "DeleteActivation", c -> c.deleteActivation(r -> r.activationId(id))))) {
                deleted++;
            }
        }
        return deleted;
    }

    @Override
    public int removeConfiguration(SystemAccountRef account) {
        return removeAssociations(account)
                + removeWindows(account)
                + removePatchGroups(account)
                + removeBaselines(account);
    }

    private int removeAssociations(SystemAccountRef account) {
        List<String> ids = new ArrayList<>();
        String token = null;
        do {
            String next = token;
            ListAssociationsResponse page = ssm.call(
                    account,
                    "ListAssociations",
                    c -> c.listAssociations(r -> r.maxResults(PAGE).nextToken(next)));
            page.associations().stream()
                    .filter(a ->
                            a.associationName() != null && a.associationName().startsWith(PREFIX))
                    .map(Association::associationId)
                    .forEach(ids::add);
            token = page.nextToken();
        } while (token != null);
        int removed = 0;
        for (String id : ids) {
            if (GoneIsFine.call(
                    () -> ssm.call(account, "DeleteAssociation", c -> c.deleteAssociation(r -> r.associationId(id))))) {
                removed++;
            }
        }
        return removed;
    }

    private int removeWindows(SystemAccountRef account) {
        List<String> ids = new ArrayList<>();
        String token = null;
        do {
            String next = token;
            DescribeMaintenanceWindowsResponse page = ssm.call(
                    account,
                    "DescribeMaintenanceWindows",
                    c -> c.describeMaintenanceWindows(r -> r.maxResults(PAGE).nextToken(next)));
            page.windowIdentities().stream()
                    .filter(w -> w.name().startsWith(PREFIX))
                    .map(MaintenanceWindowIdentity::windowId)
                    .forEach(ids::add);
            token = page.nextToken();
        } while (token != null);
        int removed = 0;
        for (String id : ids) {
            if (GoneIsFine.call(() -> ssm.call(
                    account, "DeleteMaintenanceWindow", c -> c.deleteMaintenanceWindow(r -> r.windowId(id))))) {
                removed++;
            }
        }
        return removed;
    }

    private int removePatchGroups(SystemAccountRef account) {
        List<String[]> registrations = new ArrayList<>();
        String token = null;
        do {
            String next = token;
            DescribePatchGroupsResponse page = ssm.call(
                    account,
                    "DescribePatchGroups",
                    c -> c.describePatchGroups(r -> r.maxResults(100).nextToken(next)));
            for (PatchGroupPatchBaselineMapping mapping : page.mappings()) {
                if (mapping.baselineIdentity().baselineName().startsWith(PREFIX)) {
                    registrations.add(new String[] {mapping.baselineIdentity().baselineId(), mapping.patchGroup()});
                }
            }
            token = page.nextToken();
        } while (token != null);
        int removed = 0;
        for (String[] registration : registrations) {
            if (GoneIsFine.call(() -> ssm.call(
                    account,
                    "DeregisterPatchBaselineForPatchGroup",
                    c -> c.deregisterPatchBaselineForPatchGroup(
                            r -> r.baselineId(registration[0]).patchGroup(registration[1]))))) {
                removed++;
            }
        }
        return removed;
    }

    private int removeBaselines(SystemAccountRef account) {
        List<String> ids = new ArrayList<>();
        String token = null;
        do {
            String next = token;
            DescribePatchBaselinesResponse page = ssm.call(
                    account,
                    "DescribePatchBaselines",
                    c -> c.describePatchBaselines(r -> r.filters(
                                    f -> f.key("OWNER").values("Self"),
                                    f -> f.key("NAME_PREFIX").values(PREFIX))
                            .maxResults(100)
                            .nextToken(next)));
            page.baselineIdentities().stream()
                    .map(PatchBaselineIdentity::baselineId)
                    .forEach(ids::add);
            token = page.nextToken();
        } while (token != null);
        int removed = 0;
        for (String id : ids) {
            if (GoneIsFine.call(() ->
                    ssm.call(account, "DeletePatchBaseline", c -> c.deletePatchBaseline(r -> r.baselineId(id))))) {
                removed++;
            }
        }
        return removed;
    }
}
