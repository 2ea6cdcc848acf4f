package io.crosspatch.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.crosspatch.events.PatchResult;
import io.crosspatch.schemas.fixtures.EventFixtures;
import io.crosspatch.schemas.topics.Topics;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Proves the bytes are Confluent's, not merely self-consistent: Confluent's own JavaScript client
 * ({@code @confluentinc/schemaregistry}, run with Node) decodes a record the Java serializer wrote, fetching
 * the writer schema from the same registry by the id in the header.
 */
class ConfluentJavaScriptInteropTest {

    private static final Path SOURCE = Path.of("src/test/js");
    private static final Path WORK = Path.of("target/js-interop");

    @BeforeAll
    static void installConfluentClient() throws Exception {
        Files.createDirectories(WORK);
        for (String file : List.of("package.json", "package-lock.json", "decode.mjs")) {
            Files.copy(SOURCE.resolve(file), WORK.resolve(file), StandardCopyOption.REPLACE_EXISTING);
        }
        if (!Files.isDirectory(WORK.resolve("node_modules/@confluentinc/schemaregistry"))) {
            run(List.of("npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"), 300);
        }
    }

    @Test
    void confluentsJavaScriptClientDecodesWhatTheJavaSerializerWrote() throws Exception {
        // given
        PatchResult event = EventFixtures.anyPatchResult();
        byte[] bytes = Registry.<SpecificRecord>serializer().serialize(Topics.PATCH_RESULTS.name(), event);

        // when
        String json = run(
                List.of(
                        "node",
                        "decode.mjs",
                        Registry.url(),
                        Topics.PATCH_RESULTS.name(),
                        HexFormat.of().formatHex(bytes)),
                60);

        // then
        JsonNode decoded = new ObjectMapper().readTree(json);
        assertThat(decoded.get("managedInstanceId").asText()).isEqualTo(event.getManagedInstanceId());
        assertThat(decoded.get("hostname").asText()).isEqualTo(event.getHostname());
        assertThat(decoded.get("provider").asText()).isEqualTo("VMWARE");
        assertThat(decoded.get("counts").get("missing").asInt())
                .isEqualTo(event.getCounts().getMissing());
        assertThat(decoded.get("agent").get("pingStatus").asText()).isEqualTo("ONLINE");
        assertThat(decoded.get("patches")).hasSize(2);
        assertThat(decoded.get("patches").get(0).get("cveIds").get(1).asText()).isEqualTo("CVE-2026-0002");
    }

    private static String run(List<String> command, int timeoutSeconds) throws IOException, InterruptedException {
        Path log = Files.createTempFile("js-interop", ".log");
        Process process = new ProcessBuilder(command)
                .directory(WORK.toFile())
                .redirectError(log.toFile())
                .start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(command + " did not finish in " + timeoutSeconds + " s");
        }
        if (process.exitValue() != 0) {
            throw new AssertionError(command + " exited " + process.exitValue() + ": " + Files.readString(log));
        }
        return out;
    }
}
