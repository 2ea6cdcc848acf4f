package io.crosspatch.schemas.evolution;

import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.Incompatibility;

/**
 * The registry's BACKWARD rule, checked before a schema ever reaches a registry: a consumer on the new schema
 * must be able to read every record written with the previous one. Each breaking change is described with
 * the path of the field it concerns, so a failing build says what to fix.
 */
public final class BackwardCompatibility {

    private BackwardCompatibility() {}

    /** The changes that stop {@code current} from reading data written with {@code previous}; empty when none. */
    public static List<String> breakingChanges(Schema previous, Schema current) {
        List<Incompatibility> incompatibilities = SchemaCompatibility.checkReaderWriterCompatibility(current, previous)
                .getResult()
                .getIncompatibilities();
        return incompatibilities.stream()
                .map(incompatibility -> describe(current, incompatibility))
                .toList();
    }

    private static String describe(Schema current, Incompatibility incompatibility) {
        String field = FieldPath.of(current, incompatibility.getLocation());
        return switch (incompatibility.getType()) {
            case READER_FIELD_MISSING_DEFAULT_VALUE -> "field '" + field + "' was added without a default";
            case MISSING_ENUM_SYMBOLS ->
                "field '" + field + "': enum symbols " + incompatibility.getMessage()
                        + " were removed and the enum has no default";
            default -> "field '" + field + "': " + incompatibility.getType() + ": " + incompatibility.getMessage();
        };
    }
}
