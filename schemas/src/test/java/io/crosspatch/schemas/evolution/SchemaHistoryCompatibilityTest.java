package io.crosspatch.schemas.evolution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

/**
 * The build's schema-evolution gate: every event schema must be BACKWARD compatible with its version on main
 * before this change. A breaking change fails the build here, naming the schema and the field.
 */
class SchemaHistoryCompatibilityTest {

    private final GitHistory git = new GitHistory(Path.of("").toAbsolutePath(), "src/main/avro");

    @Test
    void everyEventSchemaIsBackwardCompatibleWithItsPreviousVersionOnMain() throws Exception {
        assumeTrue(git.available(), "not a git checkout: there is no previous version to compare with");
        Optional<String> baseline = git.baselineRevision();
        assumeTrue(baseline.isPresent(), "the schemas have no earlier committed version");

        Map<String, Schema> previous = SchemaSource.eventSchemas(git.filesAt(baseline.get()));
        Map<String, Schema> current = SchemaSource.eventSchemas(git.workingTreeFiles());

        List<String> breaks = new ArrayList<>();
        current.forEach((path, schema) -> {
            Schema before = previous.get(path);
            if (before != null) {
                BackwardCompatibility.breakingChanges(before, schema)
                        .forEach(change -> breaks.add(path + " (vs " + baseline.get() + "): " + change));
            }
        });
        assertThat(breaks)
                .as("breaking schema changes; add defaults or a new topic version instead")
                .isEmpty();
    }

    @Test
    void shouldParseEveryCurrentEventSchema() throws Exception {
        assertThat(SchemaSource.eventSchemas(git.workingTreeFiles()).keySet())
                .contains("events/PatchResult.avsc", "events/EnrollmentRequested.avsc");
    }
}
