package io.crosspatch.simulator.client;

/**
 * The paths of the simulator's {@code /_sim/} control API, in one place: the simulator's routes are registered under
 * these constants and {@link SimulatorControl} builds its requests from them, so the client and the server cannot
 * drift apart. Nothing here is an AWS or cloud API; it is how tests, the launcher and bench steer the simulation and
 * read its ground truth.
 */
public final class SimulatorPaths {

    /** Everything the simulator answers outside the AWS wire protocols and the metadata services. */
    public static final String CONTROL = "/_sim/";
    /** AWS call counts per account, service and operation; {@code DELETE} resets them. */
    public static final String CALLS = CONTROL + "calls";
    /** The simulated time; {@code POST {"advanceSeconds"}} moves it and runs what came due. */
    public static final String CLOCK = CONTROL + "clock";
    /** Injected throttling, errors and latency. */
    public static final String FAULTS = CONTROL + "faults";
    /** The per-account, per-API token buckets. */
    public static final String LIMITS = CONTROL + "limits";

    public static final String ORGANIZATIONS = CONTROL + "organizations/";
    /** Every account of the organization, with its tags. */
    public static final String ORGANIZATIONS_ACCOUNTS = ORGANIZATIONS + "accounts";
    /** Account creations made to fail with a {@code FailureReason}. */
    public static final String ORGANIZATIONS_FAILURES = ORGANIZATIONS + "failures";

    public static final String AGENT = CONTROL + "agent/";
    /** What {@code amazon-ssm-agent -register} does. */
    public static final String AGENT_REGISTER = AGENT + "register";
    /** Managed nodes; {@code /_sim/nodes/{id}/connection-lost|online|inactive} flips one's ping status. */
    public static final String NODES = CONTROL + "nodes";
    /** Hybrid activations with tags, limit, registrations and expiry (never the codes). */
    public static final String ACTIVATIONS = CONTROL + "activations";
    /**
     * Each account's SSM activation tier per region, with its node count and the standard tier's node quota;
     * {@code POST {"standardTierNodeQuota"}} lowers the quota for tests.
     */
    public static final String SSM_TIERS = CONTROL + "ssm-tiers";
    /** Maintenance windows; {@code /_sim/maintenance-windows/{id}/run} opens one now. */
    public static final String MAINTENANCE_WINDOWS = CONTROL + "maintenance-windows";
    /** The patch ground truth of every reported node. */
    public static final String PATCH_STATES = CONTROL + "patch-states";
    /** The inventory ground truth of every gathered node. */
    public static final String INVENTORY = CONTROL + "inventory";
    /** Installing an application on a node, for its next inventory gather. */
    public static final String INVENTORY_APPLICATIONS = INVENTORY + "/applications";
    /** Simulated VMs and their metadata services. */
    public static final String VMS = CONTROL + "vms";
    /** Forged or altered identity documents, {@code /_sim/forge/{provider}}. */
    public static final String FORGE = CONTROL + "forge";
    /** The clouds' trust anchors: the only things a verifier should trust. */
    public static final String TRUST = CONTROL + "trust";

    public static final String GCP_JWKS = TRUST + "/gcp/jwks";
    public static final String AZURE_ROOT_PEM = TRUST + "/azure/root.pem";
    public static final String AWS_CERTIFICATES = TRUST + "/aws/certificates";
    public static final String VMWARE = TRUST + "/vmware/";
    public static final String VMWARE_ISSUERS = VMWARE + "issuers";

    private SimulatorPaths() {}

    /** One simulated VM. */
    public static String vm(String vmId) {
        return VMS + "/" + vmId;
    }

    /** A simulated VM's metadata service, as its guest sees it. */
    public static String vmMetadata(String vmId) {
        return vm(vmId) + "/metadata";
    }

    /** A fresh guestinfo token for a VMware VM. */
    public static String vmwareToken(String vmId) {
        return vm(vmId) + "/vmware-token";
    }

    /** Forging for {@code provider} ({@code gcp}, {@code azure}, {@code aws}, {@code vmware}). */
    public static String forge(String provider) {
        return FORGE + "/" + provider;
    }

    /** AWS's signing certificate of {@code region}, PEM. */
    public static String awsCertificate(String region) {
        return AWS_CERTIFICATES + "/" + region + ".pem";
    }

    /** The VMware issuer of one org. */
    public static String vmwareIssuer(String orgId) {
        return VMWARE + orgId;
    }

    /** The JWKS of the VMware issuer of one org. */
    public static String vmwareJwks(String orgId) {
        return vmwareIssuer(orgId) + "/jwks";
    }

    /** A managed node's ping status: {@code connection-lost}, {@code online} or {@code inactive}. */
    public static String node(String instanceId, String status) {
        return NODES + "/" + instanceId + "/" + status;
    }

    /** Opening a maintenance window now. */
    public static String runMaintenanceWindow(String windowId) {
        return MAINTENANCE_WINDOWS + "/" + windowId + "/run";
    }
}
