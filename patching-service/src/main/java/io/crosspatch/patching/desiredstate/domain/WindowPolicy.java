package io.crosspatch.patching.desiredstate.domain;

/**
 * How every Install window runs: its length and cutoff in hours, and the task's bounded concurrency and error
 * budget (so a bad patch stops a rollout instead of breaking a whole group).
 */
public record WindowPolicy(int durationHours, int cutoffHours, String maxConcurrency, String maxErrors) {

    public WindowPolicy {
        if (cutoffHours >= durationHours) {
            throw new IllegalArgumentException("cutoff must be shorter than the duration");
        }
    }
}
