package io.crosspatch.schemas.evolution;

import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;

/**
 * Turns Avro's JSON-pointer-like incompatibility locations ({@code /fields/3/type/fields/0/type}) into the
 * dotted field names a developer recognises ({@code agent.version}).
 */
final class FieldPath {

    private FieldPath() {}

    static String of(Schema reader, String location) {
        List<String> names = new ArrayList<>();
        Schema current = reader;
        String[] segments = location.split("/");
        for (int i = 0; i < segments.length && current != null; i++) {
            String segment = segments[i];
            if (segment.equals("fields") && i + 1 < segments.length && current.getType() == Schema.Type.RECORD) {
                int index = Integer.parseInt(segments[++i]);
                if (index >= current.getFields().size()) {
                    break;
                }
                Schema.Field field = current.getFields().get(index);
                names.add(field.name());
                current = field.schema();
            } else if (segment.equals("items") && current.getType() == Schema.Type.ARRAY) {
                current = current.getElementType();
            } else if (segment.equals("values") && current.getType() == Schema.Type.MAP) {
                current = current.getValueType();
            } else if (segment.matches("\\d+") && current.getType() == Schema.Type.UNION) {
                int branch = Integer.parseInt(segment);
                current =
                        branch < current.getTypes().size() ? current.getTypes().get(branch) : null;
            }
        }
        return names.isEmpty() ? "(record " + reader.getFullName() + ")" : String.join(".", names);
    }
}
