package io.crosspatch.simulator.ssm;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Tags keep the order they were given in (ListTagsForResource answers in that order), and are never modified in place. */
final class Tags {

    /** AddTagsToResource: most SSM resources carry at most 50 tags. */
    static final int MAX_PER_RESOURCE = 50;

    private Tags() {}

    static Map<String, String> copyOf(Map<String, String> tags) {
        return tags == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(tags));
    }
}
