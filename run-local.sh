#!/usr/bin/env bash
# Runs Crosspatch on this machine: builds the modules (tests skipped), then starts Kafka, Cassandra, the
# schema registry, the cloud simulator and the four services, each in its own JVM. Ctrl-C stops all of them.
# Options go to the launcher (--fleet N, --day-seconds S); ./run-local.sh --help lists them.
set -euo pipefail
cd "$(dirname "$0")"

step() { printf '==> %s\n' "$*"; }

# --help needs no build when the launcher is already built.
for arg in "$@"; do
  if { [ "$arg" = --help ] || [ "$arg" = -h ]; } && [ -f launcher/target/launcher.jar ]; then
    exec java -jar launcher/target/launcher.jar --help
  fi
done

mkdir -p .crosspatch
build_log=.crosspatch/build.log
step "Building Crosspatch: mvn -B -DskipTests install (full output in $build_log)"
step "The first build downloads the Maven dependencies and Kafka, Cassandra and the registry: several minutes."
started=$SECONDS
# One line per module as Maven reaches it, and a running count while it downloads; the rest goes to the log.
progress() {
  local line name downloads=0
  while IFS= read -r line; do
    case "$line" in
      "[INFO] Building "*"/"*"]")
        name=${line#\[INFO\] Building }
        name=${name%\[*}
        name=${name%"${name##*[! ]}"}
        printf '    building %s [%s\n' "${name% *}" "${line##*\[}" ;;
      *"Downloaded from "*)
        downloads=$((downloads + 1))
        if [ $((downloads % 100)) -eq 1 ]; then printf '    downloading dependencies: %d files so far\n' "$downloads"; fi ;;
    esac
  done
  if [ "$downloads" -gt 0 ]; then printf '    downloaded %d files\n' "$downloads"; fi
}
if ! mvn -B -DskipTests install 2>&1 | tee "$build_log" | progress; then
  step "The build failed; the end of $build_log:"
  tail -n 40 "$build_log"
  exit 1
fi
step "Built in $((SECONDS - started)) s. Starting the platform (each part logs when it is ready)."
exec java -jar launcher/target/launcher.jar "$PWD" "$@"
