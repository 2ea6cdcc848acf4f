#!/usr/bin/env bash
# Runs the fault drills (kill -9 of each service, Kafka and Cassandra restarts, AWS throttling and 5xx, poison
# records), each on a fresh local platform, and writes bench/reports/drills-<UTC timestamp>/report.{md,json}.
# Exits non-zero when any drill found a loss or a duplicate. Options: --vms 400 --accounts 12
# --fault-after-seconds 8 --only kill,kafka,cassandra,faults,poison (or drill names such as kill-patching-service).
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -DskipTests install
exec java -cp "bench/target/bench.jar:bench/target/lib/*" io.crosspatch.bench.DrillsMain "$PWD" "$@"
