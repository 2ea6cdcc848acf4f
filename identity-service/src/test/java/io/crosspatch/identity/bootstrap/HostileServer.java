package io.crosspatch.identity.bootstrap;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A Crosspatch that lies, for running the real {@code linux.sh} with bash: a {@code curl} on the script's PATH
 * that records every URL asked for and answers the enrollment and status calls with whatever a test sets, a
 * {@code vmtoolsd} that gives a VMware token (and records that it was asked), a {@code dpkg} that installs nothing,
 * an Ubuntu os-release and a state directory that already holds an enrollment (so the script goes straight to
 * polling its status). On request, an installed SSM Agent stand-in that records each registration and writes its
 * registration file as the real agent does. The script runs as this user, never as root, and reaches no network.
 */
final class HostileServer {

    static final String ENROLLMENT_ID = "enr-0123456789abcdef0123456789abcdef";

    private static final String CURL = """
            #!/usr/bin/env bash
            url=""
            for arg in "$@"; do
                [[ $arg == *://* ]] && url=$arg
            done
            printf '%s\\n' "$url" >>"$STUB_LOG"
            case $url in
                */v1/enrollments/*)
                    answer="$STUB_HOME/status-${url##*/}"
                    [[ -f $answer.json ]] || answer="$STUB_HOME/status"
                    code=200
                    [[ ! -f $answer.code ]] || code=$(cat "$answer.code")
                    printf '%s\\n%s' "$(cat "$answer.json")" "$code" ;;
                */v1/enrollments) printf '%s\\n%s' "$(cat "$STUB_ENROLLMENT")" "$(cat "$STUB_ENROLLMENT_STATUS")" ;;
                *) : ;;
            esac
            """;

    /** Registers as the managed instance in {@code next-instance}, as {@code amazon-ssm-agent -register} would. */
    private static final String AGENT = """
            #!/usr/bin/env bash
            id=""
            while (($# > 0)); do
                [[ $1 == -id ]] && id=$2
                shift
            done
            printf 'register %s\\n' "$id" >>"$STUB_HOME/agent.log"
            printf '{"ManagedInstanceID":"%s","Region":"eu-west-1"}\\n' "$(cat "$STUB_HOME/next-instance")" \\
                >"$STUB_HOME/registration"
            """;

    private final Path home;
    private final Path bin;
    private final Path state;

    private HostileServer(Path home) throws IOException {
        this.home = home;
        this.bin = Files.createDirectories(home.resolve("bin"));
        this.state = Files.createDirectories(home.resolve("state"));
        executable("curl", CURL);
        executable("vmtoolsd", "#!/usr/bin/env bash\necho \"$*\" >>\"$STUB_HOME/vmtoolsd.log\"\necho token\n");
        executable("dpkg", "#!/usr/bin/env bash\nexit 0\n");
        Files.writeString(home.resolve("os-release"), "ID=ubuntu\nVERSION_ID=\"22.04\"\n");
        Files.writeString(home.resolve("requests.log"), "");
        Files.writeString(home.resolve("agent.log"), "");
        Files.writeString(home.resolve("vmtoolsd.log"), "");
        Files.writeString(home.resolve("next-instance"), "mi-0fedcba9876543210");
        Files.writeString(state.resolve("enrollment-secret"), "c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0LXNlY3JldA");
        Files.writeString(state.resolve("enrollment-id"), ENROLLMENT_ID + "\n");
        answeringEnrollment("{\"enrollmentId\":\"" + ENROLLMENT_ID + "\"}");
        answeringStatus("{\"status\":\"PENDING\"}");
    }

    static HostileServer in(Path home) throws IOException {
        return new HostileServer(home);
    }

    HostileServer answeringStatus(String body) throws IOException {
        Files.writeString(home.resolve("status.json"), body);
        return this;
    }

    /** What the status of one enrollment answers, whatever {@link #answeringStatus} says for the others. */
    HostileServer answeringStatusOf(String enrollmentId, int status, String body) throws IOException {
        Files.writeString(home.resolve("status-" + enrollmentId + ".json"), body);
        Files.writeString(home.resolve("status-" + enrollmentId + ".code"), Integer.toString(status));
        return this;
    }

    HostileServer answeringEnrollment(String body) throws IOException {
        return answeringEnrollment(202, body);
    }

    HostileServer answeringEnrollment(int status, String body) throws IOException {
        Files.writeString(home.resolve("enrollment.json"), body);
        Files.writeString(home.resolve("enrollment-status"), Integer.toString(status));
        return this;
    }

    /** The VM enrolls afresh instead of following an enrollment it made before. */
    HostileServer withoutKeptEnrollment() throws IOException {
        Files.delete(keptEnrollmentId());
        return this;
    }

    Path keptEnrollmentId() {
        return state.resolve("enrollment-id");
    }

    String keptSecret() throws IOException {
        return Files.readString(state.resolve("enrollment-secret"));
    }

    /** The SSM Agent is installed and has never registered. */
    HostileServer withAgentInstalled() throws IOException {
        executable("amazon-ssm-agent", AGENT);
        return this;
    }

    /** The SSM Agent is installed and registered as {@code managedInstanceId} (its registration file says so). */
    HostileServer withAgentRegisteredAs(String managedInstanceId) throws IOException {
        withAgentInstalled();
        Files.writeString(
                registrationFile(), "{\"ManagedInstanceID\":\"" + managedInstanceId + "\",\"Region\":\"eu-west-1\"}\n");
        return this;
    }

    /** An earlier run registered the agent with {@code activationId} (and kept that in its state directory). */
    HostileServer withAgentRegisteredBeforeWith(String activationId) throws IOException {
        Files.writeString(state.resolve("registered-activation"), activationId + "\n");
        return this;
    }

    Path registrationFile() {
        return home.resolve("registration");
    }

    /** The activation ids the SSM Agent was registered with, in order. */
    List<String> agentRegistrations() throws IOException {
        return Files.readAllLines(home.resolve("agent.log")).stream()
                .filter(line -> !line.isBlank())
                .map(line -> line.substring("register ".length()))
                .toList();
    }

    /** What the script asked {@code vmtoolsd} (the VMware metadata it read), in order. */
    List<String> metadataReads() throws IOException {
        return Files.readAllLines(home.resolve("vmtoolsd.log")).stream()
                .filter(line -> !line.isBlank())
                .toList();
    }

    /** A file that exists only if an injected command ran. */
    Path marker() {
        return home.resolve("pwned");
    }

    List<String> requestedUrls() throws IOException {
        return new ArrayList<>(Files.readAllLines(home.resolve("requests.log")))
                .stream().filter(line -> !line.isBlank()).toList();
    }

    Run runScript(Path script, String... arguments) throws IOException, InterruptedException {
        List<String> command =
                new ArrayList<>(List.of("bash", script.toAbsolutePath().toString()));
        command.addAll(List.of(arguments));
        command.addAll(List.of("--timeout", "3"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        Map<String, String> environment = builder.environment();
        environment.put("PATH", bin + ":" + environment.getOrDefault("PATH", "/usr/bin:/bin"));
        environment.put("STUB_HOME", home.toString());
        environment.put("STUB_LOG", home.resolve("requests.log").toString());
        environment.put("STUB_ENROLLMENT", home.resolve("enrollment.json").toString());
        environment.put(
                "STUB_ENROLLMENT_STATUS", home.resolve("enrollment-status").toString());
        environment.put("CROSSPATCH_VMTOOLSD", bin.resolve("vmtoolsd").toString());
        environment.put("CROSSPATCH_STATE_DIR", state.toString());
        environment.put("CROSSPATCH_SSM_REGISTRATION_FILE", registrationFile().toString());
        environment.put("CROSSPATCH_OS_RELEASE", home.resolve("os-release").toString());
        environment.put("CROSSPATCH_HOSTNAME", "vm-1");
        environment.put("CROSSPATCH_POLL_INITIAL_SECONDS", "1");
        environment.put("CROSSPATCH_POLL_MAX_SECONDS", "1");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("linux.sh did not finish:\n" + output);
        }
        return new Run(process.exitValue(), output);
    }

    /** What {@code linux.sh} calls the machine's architecture in the package path. */
    static String debArch() {
        String machine = System.getProperty("os.arch");
        return machine.equals("aarch64") || machine.equals("arm64") ? "arm64" : "amd64";
    }

    private void executable(String name, String text) throws IOException {
        Path file = bin.resolve(name);
        Files.writeString(file, text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwx------"));
    }

    record Run(int exitStatus, String output) {}
}
