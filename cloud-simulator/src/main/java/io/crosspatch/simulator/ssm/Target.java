package io.crosspatch.simulator.ssm;

import java.util.List;

/**
 * A target as SSM's {@code Targets} members spell it: {@code InstanceIds=[mi-…]} (or {@code *}),
 * {@code tag:Patch Group=[early]}, {@code tag-key=[Owner]}, {@code WindowTargetIds=[…]} for a window task, or a
 * resource group.
 */
public record Target(String key, List<String> values) {

    public static final String INSTANCE_IDS = "InstanceIds";
    public static final String WINDOW_TARGET_IDS = "WindowTargetIds";
    public static final String TAG_PREFIX = "tag:";
    public static final String TAG_KEY = "tag-key";

    public Target {
        values = List.copyOf(values);
    }

    /** Whether a node is selected by this target (resource groups and window target references select none here). */
    public boolean selects(ManagedNode node) {
        if (key.equalsIgnoreCase(INSTANCE_IDS)) {
            return values.contains("*") || values.contains(node.instanceId());
        }
        if (key.startsWith(TAG_PREFIX)) {
            String tag = node.tags().get(key.substring(TAG_PREFIX.length()));
            return tag != null && values.contains(tag);
        }
        if (key.equals(TAG_KEY)) {
            return values.stream().anyMatch(node.tags()::containsKey);
        }
        return false;
    }
}
