package io.crosspatch.bench.drill;

import io.crosspatch.bench.report.Section;
import io.crosspatch.launcher.Platform;

/**
 * What a drill does to the platform, at the points of the storm-and-sweep run a fault can land on. Each step
 * notes in the section what it did, so the report says which fault the audit's verdict is about.
 */
interface Fault {

    /** Before the first enrollment is posted (e.g. turn on the simulator's faults for the whole run). */
    default void beforeStorm(Platform platform, Section section) throws Exception {}

    /** Whether {@link #duringStorm} does anything: only then is it scheduled, and checked to land mid-storm. */
    default boolean strikesMidStorm() {
        return false;
    }

    /** While enrollments are in flight. */
    default void duringStorm(Platform platform, Section section) throws Exception {}

    /** While the maintenance windows run and patch-results flow. */
    default void duringSweep(Platform platform, Section section) throws Exception {}

    /**
     * Whether this fault puts records on dead-letter topics on purpose (poison records, checked by the fault itself);
     * otherwise the audit requires every dead-letter topic to stay empty: a valid record there is a lost record.
     */
    default boolean deadLettersExpected() {
        return false;
    }

    /** After the audit's last wait (e.g. turn the simulator's faults off again). */
    default void after(Platform platform, Section section) throws Exception {}
}
