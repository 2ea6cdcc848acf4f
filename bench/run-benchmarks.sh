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
java -cp "bench/target/bench.jar:bench/target/lib/*" io.crosspatch.bench.BenchmarksMain "$PWD" \
    --report-dir "$report_dir" "$@" || status=$?
echo "Report: $report_dir"
exit "$status"
