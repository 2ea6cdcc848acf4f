package io.crosspatch.patching.desiredstate.domain;

/**
 * What one reconcile of a system account changed: the mutating SSM calls it made, per kind of resource. All zero is
 * the common case, a pass over an account nobody touched.
 *
 * @param baselines    calls on patch baselines and their patch-group registrations
 * @param windows      calls on maintenance windows, their targets and tasks
 * @param associations calls on State Manager associations
 */
public record AppliedChanges(int baselines, int windows, int associations) {

    public static final AppliedChanges NONE = new AppliedChanges(0, 0, 0);

    public int total() {
        return baselines + windows + associations;
    }

    public boolean any() {
        return total() > 0;
    }
}
