package io.crosspatch.patching.systemaccount.aws;

import io.crosspatch.patching.systemaccount.application.ManagedNodes;
import io.crosspatch.patching.systemaccount.domain.ActivationStatus;
import io.crosspatch.patching.systemaccount.domain.ManagedNode;
import io.crosspatch.patching.systemaccount.domain.SystemAccountRef;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.ssm.model.DescribeActivationsResponse;
import software.amazon.awssdk.services.ssm.model.DescribeInstanceInformationResponse;
import software.amazon.awssdk.services.ssm.model.InstanceInformation;
import software.amazon.awssdk.services.ssm.model.InstanceInformationStringFilter;
import software.amazon.awssdk.services.ssm.model.InvalidActivationException;
import software.amazon.awssdk.services.ssm.model.InvalidActivationIdException;
import software.amazon.awssdk.services.ssm.model.InvalidInstanceIdException;
import software.amazon.awssdk.services.ssm.model.ResourceTypeForTagging;
import software.amazon.awssdk.services.ssm.model.Tag;

/**
 * What a system account's SSM knows about managed nodes and activations, read in pages of 50 (the most SSM
 * answers at once), and the few changes the registration watcher makes to them. Deregistering a node or deleting an
 * activation that SSM no longer knows is no error: it answers false, so a redone replacement or audit goes on.
 */
@Component
class NodeDirectory implements ManagedNodes {

    /** Activation ids per DescribeInstanceInformation / DescribeActivations filter. */
    public static final int BATCH = 50;

    private static final int PAGE = 50;

    private final BudgetedSsm ssm;

    public NodeDirectory(BudgetedSsm ssm) {
        this.ssm = ssm;
    }

    /** The nodes that registered with any of {@code activationIds} (at most {@link #BATCH}). */
    public List<ManagedNode> nodesOfActivations(SystemAccountRef account, List<String> activationIds) {
        return nodes(
                account,
                List.of(InstanceInformationStringFilter.builder()
                        .key("ActivationIds")
                        .values(activationIds)
                        .build()));
    }

    /** Every managed node of the account. */
    public List<ManagedNode> allNodes(SystemAccountRef account) {
        return nodes(account, List.of());
    }

    private List<ManagedNode> nodes(SystemAccountRef account, List<InstanceInformationStringFilter> filters) {
        List<ManagedNode> nodes = new ArrayList<>();
        String token = null;
        do {
            String next = token;
            DescribeInstanceInformationResponse page = ssm.call(
                    account,
                    "DescribeInstanceInformation",
                    c -> c.describeInstanceInformation(r -> r.filters(filters.isEmpty() ? null : filters)
                            .maxResults(PAGE)
                            .nextToken(next)));
            page.instanceInformationList().forEach(info -> nodes.add(node(info)));
            token = page.nextToken();
        } while (token != null);
        return nodes;
    }

    public Map<String, String> tags(SystemAccountRef account, String instanceId) {
        Map<String, String> tags = new LinkedHashMap<>();
        ssm.call(
                        account,
                        "ListTagsForResource",
                        c -> c.listTagsForResource(r -> r.resourceType(ResourceTypeForTagging.MANAGED_INSTANCE)
                                .resourceId(instanceId)))
                .tagList()
                .forEach(tag -> tags.put(tag.key(), tag.value()));
        return tags;
    }

    public void addTags(SystemAccountRef account, String instanceId, Map<String, String> tags) {
        ssm.call(
                account,
                "AddTagsToResource",
                c -> c.addTagsToResource(r -> r.resourceType(ResourceTypeForTagging.MANAGED_INSTANCE)
                        .resourceId(instanceId)
                        .tags(tags.entrySet().stream()
                                .map(t -> Tag.builder()
                                        .key(t.getKey())
                                        .value(t.getValue())
                                        .build())
                                .toList())));
    }

    public boolean deregister(SystemAccountRef account, String instanceId) {
        try {
            ssm.call(
                    account,
                    "DeregisterManagedInstance",
                    c -> c.deregisterManagedInstance(r -> r.instanceId(instanceId)));
            return true;
        } catch (InvalidInstanceIdException e) {
            return false;
        }
    }

    /** The status of {@code activationIds} (at most {@link #BATCH}). */
    public List<ActivationStatus> activations(SystemAccountRef account, List<String> activationIds) {
        List<ActivationStatus> statuses = new ArrayList<>();
        String token = null;
        do {
            String next = token;
            DescribeActivationsResponse page = ssm.call(
                    account,
                    "DescribeActivations",
                    c -> c.describeActivations(
                            r -> r.filters(f -> f.filterKey("ActivationIds").filterValues(activationIds))
                                    .maxResults(PAGE)
                                    .nextToken(next)));
            page.activationList()
                    .forEach(a -> statuses.add(new ActivationStatus(
                            a.activationId(),
                            Boolean.TRUE.equals(a.expired()),
                            a.registrationsCount() == null ? 0 : a.registrationsCount())));
            token = page.nextToken();
        } while (token != null);
        return statuses;
    }

    public boolean deleteActivation(SystemAccountRef account, String activationId) {
        try {
            ssm.call(account, "DeleteActivation", c -> c.deleteActivation(r -> r.activationId(activationId)));
            return true;
        } catch (InvalidActivationIdException | InvalidActivationException e) {
            return false;
        }
    }

    private static ManagedNode node(InstanceInformation info) {
        return new ManagedNode(
                info.instanceId(),
                info.activationId(),
                info.pingStatusAsString(),
                info.lastPingDateTime(),
                info.agentVersion(),
                Boolean.TRUE.equals(info.isLatestVersion()),
                info.platformName(),
                info.platformVersion(),
                info.computerName());
    }
}
