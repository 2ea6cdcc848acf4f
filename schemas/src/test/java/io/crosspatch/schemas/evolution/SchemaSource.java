package io.crosspatch.schemas.evolution;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;

/**
 * Parses a set of {@code .avsc} files that refer to each other's named types (the common types first), in
 * whatever order they come, and returns the schemas of the event files by path.
 */
final class SchemaSource {

    private SchemaSource() {}

    /** @param files path relative to the avro directory → JSON text */
    static Map<String, Schema> eventSchemas(Map<String, String> files) {
        List<String> pending = new ArrayList<>(files.keySet());
        pending.sort(Comparator.comparing((String path) -> !path.startsWith("common/"))
                .thenComparing(path -> path));
        Map<String, Schema> parsed = new HashMap<>();
        boolean progress = true;
        while (!pending.isEmpty() && progress) {
            progress = false;
            for (String path : List.copyOf(pending)) {
                try {
                    parsed.put(path, parserKnowing(parsed.values()).parse(files.get(path)));
                    pending.remove(path);
                    progress = true;
                } catch (AvroRuntimeException undefinedNameSoFar) {
                    // another file defines a type this one uses: try again once that one is parsed
                }
            }
        }
        if (!pending.isEmpty()) {
            throw new IllegalStateException("cannot parse " + pending);
        }
        Map<String, Schema> events = new HashMap<>();
        parsed.forEach((path, schema) -> {
            if (path.startsWith("events/")) {
                events.put(path, schema);
            }
        });
        return events;
    }

    /** A fresh parser (a failed parse may leave half-defined names behind) that knows the types parsed so far. */
    private static Schema.Parser parserKnowing(Iterable<Schema> known) {
        Schema.Parser parser = new Schema.Parser();
        parser.addTypes(known);
        return parser;
    }
}
