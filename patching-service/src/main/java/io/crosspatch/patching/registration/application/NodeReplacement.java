package io.crosspatch.patching.registration.application;

import io.crosspatch.patching.activation.application.EnrollmentStore;
import io.crosspatch.patching.activation.domain.StoredEnrollment;
import io.crosspatch.patching.systemaccount.application.ManagedNodes;
import io.crosspatch.patching.systemaccount.application.NodeRoster;
import io.crosspatch.patching.systemaccount.domain.EnrolledNode;
import io.crosspatch.patching.systemaccount.domain.SystemAccountRef;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * What a re-enrolled VM leaves behind when its new node registers: the node of its previous enrollment, still
 * registered in SSM under the same instance. {@link #retire} deregisters that node (DeregisterManagedInstance through
 * the account's request budget) and deletes its activation if SSM still holds it; {@link #forget} then drops it from
 * the enrolled nodes, after {@code instance.activated} REGISTERED naming it went out. Both steps accept what is
 * already gone, so a sweep broken off half-way redoes them on the next run and reaches the same end. Each
 * replacement is logged (ids only: node, enrollment, activation id, never a code) as the audit trail.
 */
@Service
public class NodeReplacement {

    private static final Logger log = LoggerFactory.getLogger(NodeReplacement.class);

    private final ManagedNodes directory;
    private final EnrollmentStore enrollments;
    private final NodeRoster roster;

    public NodeReplacement(ManagedNodes directory, EnrollmentStore enrollments, NodeRoster roster) {
        this.directory = directory;
        this.enrollments = enrollments;
        this.roster = roster;
    }

    /** The account's enrolled nodes, read once per sweep that found a registration. */
    public List<EnrolledNode> enrolledNodes(SystemAccountRef account) {
        return roster.identitiesOf(account.accountId());
    }

    /**
     * Deregisters every other node {@code enrolled} holds for the VM of {@code current} and deletes its activation;
     * answers those nodes (empty for a first enrollment).
     */
    public List<EnrolledNode> retire(SystemAccountRef account, EnrolledNode current, List<EnrolledNode> enrolled) {
        List<EnrolledNode> previous = enrolled.stream()
                .filter(node -> node.sameInstanceAs(current))
                .filter(node -> !node.managedInstanceId().equals(current.managedInstanceId()))
                .toList();
        for (EnrolledNode old : previous) {
            boolean deregistered = directory.deregister(account, old.managedInstanceId());
            Optional<String> activationId = enrollments
                    .find(old.enrollmentId(), account)
                    .map(StoredEnrollment::activationId)
                    .filter(id -> directory.deleteActivation(account, id));
            log.info(
                    "instance {} of {} re-enrolled as node {} (enrollment {}): previous node {} of enrollment {} {}, "
                            + "its activation {}",
                    current.instanceId(),
                    current.cloudAccountKey(),
                    current.managedInstanceId(),
                    current.enrollmentId(),
                    old.managedInstanceId(),
                    old.enrollmentId(),
                    deregistered ? "deregistered" : "was already deregistered",
                    activationId.map(id -> id + " deleted").orElse("already gone"));
        }
        return previous;
    }

    /** Drops replaced nodes from the enrolled nodes, once the new node's registration is published. */
    public void forget(SystemAccountRef account, List<EnrolledNode> replaced) {
        replaced.forEach(old -> roster.remove(account.accountId(), old.managedInstanceId()));
    }
}
