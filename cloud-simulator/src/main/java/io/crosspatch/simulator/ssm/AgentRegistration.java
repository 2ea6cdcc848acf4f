package io.crosspatch.simulator.ssm;

import io.crosspatch.simulator.SimulatorConfig;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.jspecify.annotations.Nullable;

/**
 * What happens when an SSM Agent runs {@code amazon-ssm-agent -register}: the activation id and code are checked
 * against the activation in the region asked for (whichever account holds it), its expiry and registration limit,
 * and, while the account is in the standard-instances tier, its quota of hybrid nodes (none in the advanced tier);
 * then the node is created with the activation's tags and default instance name. Most nodes run the latest agent; a
 * configured share run an older one, chosen from the seed and the host name so that a run can be repeated.
 */
final class AgentRegistration {

    /** The SSM Agent version reported as latest. */
    static final String LATEST_AGENT_VERSION = "3.3.1142.0";

    private static final List<String> OLDER_AGENT_VERSIONS =
            List.of("3.2.582.0", "3.1.1732.0", "3.0.1390.0", "2.3.1319.0");
    private static final Set<String> PLATFORM_TYPES = Set.of("Linux", "Windows", "MacOS");

    /** What the agent sends: the activation and the host's facts; {@code operatingSystem} may be left null. */
    record Request(
            String activationCode,
            String activationId,
            String region,
            String hostname,
            @Nullable String ipAddress,
            String platformName,
            @Nullable String platformVersion,
            @Nullable String platformType,
            @Nullable String operatingSystem,
            @Nullable String vmId) {}

    /** A node and the account and region it was registered in. */
    record RegisteredNode(SsmRegionState region, ManagedNode node) {}

    /** A registration SSM refused; {@code code} is the error code the agent reports. */
    static final class Refused extends RuntimeException {

        private final String code;

        Refused(String code, String message) {
            super(message);
            this.code = code;
        }

        String code() {
            return code;
        }
    }

    private final SsmState state;
    private final Clock clock;
    private final SimulatorConfig config;

    AgentRegistration(SsmState state, Clock clock, SimulatorConfig config) {
        this.state = state;
        this.clock = clock;
        this.config = config;
    }

    /** @return the account and region the node now belongs to, and the node */
    RegisteredNode register(Request request) {
        OperatingSystem os = operatingSystem(request);
        String platformType = request.platformType() == null ? os.platformType() : request.platformType();
        if (!PLATFORM_TYPES.contains(platformType)) {
            throw new Refused("UnsupportedPlatformType", "platformType must be one of " + PLATFORM_TYPES);
        }
        SsmRegionState region = state.regionWithActivation(request.activationId())
                .filter(candidate -> candidate.region().equals(request.region()))
                .orElseThrow(() -> invalidActivation(request));
        Instant now = clock.instant();
        synchronized (region) {
            Activation activation =
                    region.activation(request.activationId()).orElseThrow(() -> invalidActivation(request));
            if (!activation.activationCode().equals(request.activationCode())) {
                throw new Refused("InvalidActivation", "The activation ID and activation code don't match.");
            }
            if (activation.expired(now)) {
                throw new Refused("ActivationExpired", "Activation " + activation.activationId() + " has expired.");
            }
            if (activation.registrationsCount() >= activation.registrationLimit()) {
                throw new Refused(
                        "RegistrationLimitExceeded",
                        "Activation " + activation.activationId() + " has reached its registration limit of "
                                + activation.registrationLimit() + ".");
            }
            int quota = state.standardTierNodeQuota();
            if (region.tierSetting().tier() == ActivationTier.STANDARD
                    && region.nodes().size() >= quota) {
                throw new Refused(
                        "ManagedNodeLimitExceeded",
                        "Account " + region.accountId() + " has reached the " + quota
                                + " standard-tier hybrid nodes of " + region.region()
                                + "; switch to the advanced-instances tier to register more.");
            }
            String agentVersion = agentVersion(request.hostname());
            ManagedNode node = new ManagedNode(
                    Ids.hex17("mi-"),
                    activation.activationId(),
                    activation.defaultInstanceName(),
                    request.hostname(),
                    request.ipAddress(),
                    platformType,
                    request.platformName(),
                    request.platformVersion(),
                    os,
                    agentVersion,
                    agentVersion.equals(LATEST_AGENT_VERSION),
                    PingStatus.ONLINE,
                    now,
                    now,
                    activation.iamRole(),
                    activation.tags(),
                    null);
            region.putNode(node);
            if (request.vmId() != null) {
                state.nodeRunsOn(request.vmId(), node.instanceId());
            }
            region.putActivation(activation.withOneMoreRegistration());
            return new RegisteredNode(region, node);
        }
    }

    private static OperatingSystem operatingSystem(Request request) {
        if (request.operatingSystem() != null) {
            return OperatingSystem.parse(request.operatingSystem())
                    .orElseThrow(() -> new Refused(
                            "UnsupportedPlatformType", "unknown operatingSystem " + request.operatingSystem()));
        }
        return OperatingSystem.fromPlatform(request.platformName(), request.platformVersion())
                .orElseThrow(() -> new Refused(
                        "UnsupportedPlatformType",
                        "platform " + request.platformName() + " " + request.platformVersion()
                                + " is not supported by Patch Manager"));
    }

    private String agentVersion(String hostname) {
        SplittableRandom random = new SplittableRandom(config.seed() * 31 + hostname.hashCode());
        if (random.nextDouble() >= config.outdatedAgentShare()) {
            return LATEST_AGENT_VERSION;
        }
        return OLDER_AGENT_VERSIONS.get(random.nextInt(OLDER_AGENT_VERSIONS.size()));
    }

    private static Refused invalidActivation(Request request) {
        return new Refused(
                "InvalidActivation",
                "Activation ID " + request.activationId() + " doesn't exist in " + request.region() + ".");
    }
}
