#!/usr/bin/env bash
# Runs Crosspatch on this machine: builds the modules (tests skipped), then starts Kafka, Cassandra, the
# schema registry and the four services, each in its own JVM. Ctrl-C stops all of them.
set -euo pipefail
cd "$(dirname "$0")"
mvn -B -q -DskipTests install
exec java -jar launcher/target/launcher.jar "$PWD" "$@"
