package io.crosspatch.simulator;

import io.crosspatch.simulator.auth.CredentialStore;
import io.crosspatch.simulator.auth.Credentials;
import io.crosspatch.simulator.auth.SigV4Verifier;
import io.crosspatch.simulator.aws.AwsOperations;
import io.crosspatch.simulator.aws.AwsProtocolRoute;
import io.crosspatch.simulator.client.SimulatorPaths;
import io.crosspatch.simulator.control.CallLog;
import io.crosspatch.simulator.control.ControlRoute;
import io.crosspatch.simulator.control.RateLimits;
import io.crosspatch.simulator.control.SimClock;
import io.crosspatch.simulator.control.TrafficControl;
import io.crosspatch.simulator.http.SimulatorServer;
import io.crosspatch.simulator.iam.IamService;
import io.crosspatch.simulator.identity.IdentityModule;
import io.crosspatch.simulator.organizations.OrganizationsModule;
import io.crosspatch.simulator.ssm.SsmModule;
import io.crosspatch.simulator.ssm.inventory.InventoryModule;
import io.crosspatch.simulator.ssm.patching.PatchingModule;
import io.crosspatch.simulator.sts.StsService;
import java.net.URI;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The simulator of everything Crosspatch talks to outside itself: the AWS control plane (through the real
 * SDK's wire protocols) and the four clouds' signed instance identities. Start one per test JVM or as its own
 * process ({@link CloudSimulatorMain}); it listens on one loopback port.
 */
public final class CloudSimulator implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CloudSimulator.class);

    private final SimulatorContext context;
    private final List<SimulatorModule> modules;
    private final ScheduledExecutorService ticker;

    private CloudSimulator(SimulatorContext context, List<SimulatorModule> modules, ScheduledExecutorService ticker) {
        this.context = context;
        this.modules = modules;
        this.ticker = ticker;
    }

    /** The modules that make up the simulator, in installation order. */
    static List<SimulatorModule> modules() {
        SsmModule ssm = new SsmModule();
        return List.of(
                new OrganizationsModule(),
                new IdentityModule(vm -> ssm.vmDeleted(vm.vmId())),
                ssm,
                new PatchingModule(ssm),
                new InventoryModule(ssm));
    }

    public static CloudSimulator start(SimulatorConfig config) {
        SimClock clock = SimClock.systemUtc();
        CredentialStore credentials = new CredentialStore();
        credentials.add(new Credentials(
                config.managementAccessKeyId(),
                config.managementSecretAccessKey(),
                null,
                config.managementAccountId(),
                "arn:aws:iam::" + config.managementAccountId() + ":root",
                null));
        CallLog calls = new CallLog();
        TrafficControl traffic = new TrafficControl(new RateLimits(config.rateLimitsEnabled()), config.seed());
        AwsOperations operations = new AwsOperations();
        SimulatorServer server = new SimulatorServer(config.host(), config.port(), config.threads());
        IamService iam = new IamService(clock);
        iam.register(operations);
        new StsService(iam, credentials, clock).register(operations);
        SimulatorContext context =
                new SimulatorContext(config, server, operations, clock, credentials, iam, calls, traffic);
        List<SimulatorModule> modules = modules();
        modules.forEach(module -> module.install(context));
        server.route(
                "/",
                new AwsProtocolRoute(
                        operations, new SigV4Verifier(credentials, config.verifySignatures()), calls, traffic, clock));
        server.route(SimulatorPaths.CONTROL, new ControlRoute(calls, clock, traffic));
        server.start();
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "simulator-clock");
            thread.setDaemon(true);
            return thread;
        });
        // What AWS does by itself also happens in real time, not only when a test advances the clock.
        ticker.scheduleWithFixedDelay(clock::tick, 200, 200, TimeUnit.MILLISECONDS);
        log.info("cloud simulator listening on http://{}:{}", config.host(), server.port());
        return new CloudSimulator(context, modules, ticker);
    }

    /** The endpoint to give the AWS SDK's {@code endpointOverride}, and the base of every other endpoint. */
    public URI endpoint() {
        return URI.create(
                "http://" + context.config().host() + ":" + context.server().port());
    }

    public int port() {
        return context.server().port();
    }

    public SimulatorContext context() {
        return context;
    }

    /** The installed module of a type, e.g. {@code module(SsmModule.class).state()} for what SSM holds. */
    public <T extends SimulatorModule> T module(Class<T> type) {
        return modules.stream()
                .filter(type::isInstance)
                .map(type::cast)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no module " + type.getSimpleName()));
    }

    public SimClock clock() {
        return context.clock();
    }

    public CallLog calls() {
        return context.calls();
    }

    public TrafficControl traffic() {
        return context.traffic();
    }

    /** The organization's management account keys: the only long-term credentials the simulator accepts. */
    public Credentials managementCredentials() {
        return context.credentials()
                .find(context.config().managementAccessKeyId())
                .orElseThrow();
    }

    @Override
    public void close() {
        ticker.shutdownNow();
        context.server().close();
    }
}
