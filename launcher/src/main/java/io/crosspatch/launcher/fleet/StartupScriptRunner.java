package io.crosspatch.launcher.fleet;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * Runs the real startup script ({@code linux.sh}, as identity-service serves it) for a simulated VM: its metadata
 * endpoints pointed at the VM's in the simulator, {@code vmtoolsd} and {@code amazon-ssm-agent} being the
 * simulator's stand-ins, and the VM's own os-release and host name. What the script does from there — identity,
 * enrollment, polling, agent registration — is exactly what it does on a VM. Each VM has its own directory (state,
 * agent registration), kept between runs, so running it again for the same VM is what a reboot does.
 */
public final class StartupScriptRunner {

    /**
     * How a run ended: the script's exit status, what it printed, the agent's registration file, and the enrollment
     * it made (the id it printed, the secret it kept in its state directory).
     */
    public record Outcome(
            int exitStatus,
            String output,
            @Nullable String registration,
            @Nullable String enrollmentId,
            @Nullable String secret) {}

    private static final java.util.regex.Pattern ACCEPTED =
            java.util.regex.Pattern.compile("enrollment (\\S+) accepted");

    private final URI identityService;
    private final URI simulator;
    private final Path vmTools;
    private final Path workDir;

    public StartupScriptRunner(URI identityService, URI simulator, Path vmTools, Path workDir) {
        this.identityService = identityService;
        this.simulator = simulator;
        this.vmTools = vmTools;
        this.workDir = workDir;
    }

    public Outcome run(FleetVm vm, Duration timeout) throws IOException, InterruptedException {
        Path home = Files.createDirectories(workDir.resolve("vm-" + vm.vmId()));
        Path script = home.resolve("linux.sh");
        Files.writeString(script, download());
        Path osRelease = Files.writeString(
                home.resolve("os-release"),
                "ID=" + vm.os().family() + "\nVERSION_ID=\"" + vm.os().version() + "\"\nNAME=\""
                        + vm.os().platformName() + "\"\n");
        Path registration = home.resolve("registration");
        Path output = home.resolve("output.log");

        List<String> command = new ArrayList<>(List.of(
                "bash",
                script.toString(),
                "--provider",
                vm.account().provider(),
                "--patch-group",
                vm.patchGroup(),
                "--timeout",
                Long.toString(timeout.toSeconds())));
        ProcessBuilder process =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
        Map<String, String> env = process.environment();
        env.put("PATH", vmTools + ":" + env.getOrDefault("PATH", "/usr/bin:/bin"));
        env.put("CROSSPATCH_STATE_DIR", home.resolve("state").toString());
        // where the stand-in agent keeps its registration, which a rerun compares with its enrollment's
        env.put("CROSSPATCH_SSM_REGISTRATION_FILE", registration.toString());
        env.put("CROSSPATCH_OS_RELEASE", osRelease.toString());
        env.put("CROSSPATCH_HOSTNAME", vm.instanceName());
        env.put("CROSSPATCH_POLL_INITIAL_SECONDS", "0.5");
        env.put("CROSSPATCH_POLL_MAX_SECONDS", "3");
        env.put("CROSSPATCH_GCP_METADATA_URL", vm.metadataBaseUrl());
        env.put("CROSSPATCH_AZURE_IMDS_URL", vm.metadataBaseUrl());
        env.put("CROSSPATCH_AWS_IMDS_URL", vm.metadataBaseUrl());
        if (vm.guestinfoUrl() != null) {
            env.put("CROSSPATCH_VMWARE_GUESTINFO_URL", vm.guestinfoUrl());
        }
        env.put("CROSSPATCH_SIM_ENDPOINT", simulator.toString());
        env.put("CROSSPATCH_SIM_REGISTRATION_FILE", registration.toString());
        env.put("CROSSPATCH_SIM_OS_RELEASE", osRelease.toString());
        env.put("CROSSPATCH_SIM_HOSTNAME", vm.instanceName());
        env.put("CROSSPATCH_SIM_VM_ID", vm.vmId());
        env.put("CROSSPATCH_SIM_PLATFORM_NAME", vm.os().platformName());
        env.put("CROSSPATCH_SIM_PLATFORM_VERSION", vm.os().version());

        Process running = process.start();
        int exitStatus;
        if (running.waitFor(timeout.toSeconds() + 30, TimeUnit.SECONDS)) {
            exitStatus = running.exitValue();
        } else {
            running.destroyForcibly().waitFor();
            exitStatus = -1;
        }
        String printed = Files.readString(output);
        java.util.regex.Matcher accepted = ACCEPTED.matcher(printed);
        Path secret = home.resolve("state").resolve("enrollment-secret");
        return new Outcome(
                exitStatus,
                printed,
                Files.exists(registration) ? Files.readString(registration) : null,
                accepted.find() ? accepted.group(1) : null,
                Files.exists(secret) ? Files.readString(secret).strip() : null);
    }

    /** The script as a VM gets it: from identity-service, with the server's defaults filled in. */
    private String download() throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(identityService.resolve("/v1/bootstrap/linux.sh"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (response.statusCode() != 200) {
            throw new IOException("GET /v1/bootstrap/linux.sh answered " + response.statusCode());
        }
        return response.body();
    }
}
