package io.crosspatch.reporting.compliance.domain;

/**
 * Splits a cloud account's instances into a fixed number of buckets so the per-account figures can be kept as
 * a handful of aggregate rows instead of counters: when an instance changes, only its bucket (about 60 rows for
 * an account at SSM's standard quota of 1,000 hybrid nodes per region) is re-read and its aggregate rewritten.
 * Re-computing from the stored instance rows is what makes the aggregate idempotent: a redelivered event
 * recomputes the same sums.
 *
 * <p>The bucket is a pure function of the instance id ({@link String#hashCode()} is specified by the JLS), so
 * every service instance and every restart agree. The count is part of the stored data and never changes; 16
 * keeps the summary's read small (16 rows per account) while a bucket stays cheap to re-read.
 */
public final class FigureBuckets {

    /** How many buckets each cloud account's figures are split into. */
    public static final int COUNT = 16;

    private FigureBuckets() {}

    /** The bucket of an instance. */
    public static int of(String instanceId) {
        return Math.floorMod(instanceId.hashCode(), COUNT);
    }
}
