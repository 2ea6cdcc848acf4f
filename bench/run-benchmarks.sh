#!/usr/bin/env bash
# Runs Crosspatch's benchmarks on this machine: builds the modules (tests skipped), then the raw-infrastructure
# baselines, the enrollment storm (simulator limits off, then its default limits), the compliance sweep and the
# dashboard, each against a fresh local platform. Writes report.md and report.json into
# bench/reports/benchmarks-<UTC timestamp>/ and prints that directory at the end.
# Options go to BenchmarksMain, e.g. --only baselines,storm --storm-vms 300 --storm-accounts 10
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -DskipTests install
report_dir="$PWD/bench/reports/benchmarks-$(date -u +%Y%m%dT%H%M%SZ)"
status=0
# The testbed starts Cassandra tuned for fast test start-up (C1 only, 512 MB serial-GC heap); measure against a
# node sized like a small production one instead. CROSSPATCH_BENCH_CASSANDRA_JVM overrides it.
cassandra_jvm="${CROSSPATCH_BENCH_CASSANDRA_JVM:--Xms2g -Xmx2g -XX:+UseG1GC}"
java -Dcrosspatch.testbed.cassandra.jvm-options="$cassandra_jvm" \
    -cp "bench/target/bench.jar:bench/target/lib/*" io.crosspatch.bench.BenchmarksMain "$PWD" \
    --report-dir "$report_dir" "$@" || status=$?
echo "Report: $report_dir"
exit "$status"
