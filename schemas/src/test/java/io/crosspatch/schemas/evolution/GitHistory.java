package io.crosspatch.schemas.evolution;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Reads the schemas as they were on main before the change under test. With uncommitted schema changes
 * that is HEAD; on a clean checkout (as in CI) it is the commit before the last one that touched the
 * schemas, so the newest schema change is always checked against its predecessor.
 */
final class GitHistory {

    private final Path moduleDir;
    private final String avroDir;

    GitHistory(Path moduleDir, String avroDirInModule) {
        this.moduleDir = moduleDir;
        this.avroDir = avroDirInModule;
    }

    boolean available() {
        return run("git", "rev-parse", "--is-inside-work-tree")
                        .map(String::trim)
                        .filter("true"::equals)
                        .isPresent()
                && run("git", "rev-parse", "--verify", "HEAD").isPresent();
    }

    /** The revision to compare with, or empty when the schemas have no earlier committed version. */
    Optional<String> baselineRevision() {
        String changes = run("git", "status", "--porcelain", "--", avroDir).orElse("");
        if (!changes.isBlank()
                && run("git", "cat-file", "-e", "HEAD:./" + avroDir).isPresent()) {
            return Optional.of("HEAD");
        }
        String lastTouch =
                run("git", "log", "-1", "--format=%H", "--", avroDir).orElse("").trim();
        if (lastTouch.isEmpty()) {
            return Optional.empty();
        }
        return run("git", "rev-parse", "--verify", "--quiet", lastTouch + "^").map(String::trim);
    }

    /** The avro files at {@code revision}: path relative to the avro directory → content. */
    Map<String, String> filesAt(String revision) {
        String listing = run("git", "ls-tree", "-r", "--full-name", "--name-only", revision, "--", avroDir)
                .orElseThrow();
        String prefix = run("git", "rev-parse", "--show-prefix").orElse("").trim();
        Map<String, String> files = new HashMap<>();
        for (String path : listing.split("\n")) {
            if (path.endsWith(".avsc")) {
                String inModule = path.substring(prefix.length());
                String content = run("git", "show", revision + ":" + path).orElseThrow();
                files.put(inModule.substring(avroDir.length() + 1), content);
            }
        }
        return files;
    }

    /** The avro files in the working tree. */
    Map<String, String> workingTreeFiles() throws IOException {
        Path root = moduleDir.resolve(avroDir);
        Map<String, String> files = new HashMap<>();
        try (var paths = Files.walk(root)) {
            for (Path path : paths.filter(p -> p.toString().endsWith(".avsc")).toList()) {
                files.put(root.relativize(path).toString().replace('\\', '/'), Files.readString(path));
            }
        }
        return files;
    }

    private Optional<String> run(String... command) {
        try {
            Process process = new ProcessBuilder(List.of(command))
                    .directory(moduleDir.toFile())
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return Optional.empty();
            }
            return process.exitValue() == 0 ? Optional.of(out) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
