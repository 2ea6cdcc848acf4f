package io.crosspatch.launcher.compose;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.yaml.snakeyaml.Yaml;

/**
 * Debian's {@code docker-compose} (1.29) resolving {@code compose/docker-compose.yml}: {@code config} interpolates
 * the variables, merges the anchors and reads the env files exactly as {@code up} would, without a Docker engine.
 * It runs with a bare environment (only PATH, HOME and the variables a test gives), so a developer's own AWS
 * variables cannot make a test pass.
 */
final class DockerCompose {

    static final String MISSING = "docker-compose is not installed: .ci/run installs Debian's docker-compose"
            + " (apt-get install -y docker-compose); the compose file cannot be validated without it";

    private final Path executable;
    private final Path composeDir;

    private DockerCompose(Path executable, Path composeDir) {
        this.executable = executable;
        this.composeDir = composeDir;
    }

    /** The docker-compose on the PATH, or empty. */
    static Optional<DockerCompose> find(Path composeDir) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, "docker-compose");
            if (Files.isExecutable(candidate)) {
                return Optional.of(new DockerCompose(candidate, composeDir));
            }
        }
        return Optional.empty();
    }

    /** {@code docker-compose --env-file <envFile> config} with {@code variables} in its environment. */
    Result config(Path envFile, Map<String, String> variables) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                executable.toString(),
                "--project-directory",
                composeDir.toString(),
                "-f",
                composeDir.resolve("docker-compose.yml").toString(),
                "--env-file",
                envFile.toAbsolutePath().toString(),
                "config"));
        ProcessBuilder builder = new ProcessBuilder(command).directory(composeDir.toFile());
        Map<String, String> environment = builder.environment();
        environment.keySet().retainAll(List.of("PATH", "HOME", "LANG", "LC_ALL"));
        environment.putAll(variables);
        Path stdout = Files.createTempFile("compose-config", ".yml");
        Path stderr = Files.createTempFile("compose-config", ".err");
        try {
            Process process = builder.redirectOutput(stdout.toFile())
                    .redirectError(stderr.toFile())
                    .start();
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException("docker-compose config did not finish in 2 minutes");
            }
            return new Result(
                    process.exitValue(),
                    Files.readString(stdout, StandardCharsets.UTF_8),
                    Files.readString(stderr, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(stdout);
            Files.deleteIfExists(stderr);
        }
    }

    record Result(int exitCode, String stdout, String stderr) {

        /** The resolved file as YAML maps. */
        ResolvedCompose resolved() {
            if (exitCode != 0) {
                throw new IllegalStateException("docker-compose config failed (" + exitCode + "): " + stderr);
            }
            Map<String, Object> document = new Yaml().load(stdout);
            return new ResolvedCompose(document);
        }
    }
}
