#!/bin/sh
# Starts the cloud simulator on the address other containers know it by, then copies the trust anchors that
# identity-service reads as files (the AWS region certificates and the Azure root) into /trust, a volume the
# verifier mounts read-only. The simulator makes new keys at every start, so the copies are refreshed each time;
# /trust/ready tells the health check they are in place.
set -eu

host="${SIMULATOR_HOST:-cloud-simulator}"
url="http://${host}:4566"
rm -f /trust/ready

java -Dcrosspatch.simulator.host="$host" -jar /app/cloud-simulator.jar 4566 &
pid=$!
trap 'kill -TERM "$pid"; wait "$pid"; exit 0' TERM INT

until curl -fsS -o /dev/null "$url/_sim/clock"; do
  kill -0 "$pid" 2>/dev/null || exit 1
  sleep 1
done

mkdir -p /trust/aws /trust/azure
for region in ${TRUST_AWS_REGIONS:-us-east-1}; do
  curl -fsS -o "/trust/aws/${region}.pem" "$url/_sim/trust/aws/certificates/${region}.pem"
done
curl -fsS -o /trust/azure/root.pem "$url/_sim/trust/azure/root.pem"
touch /trust/ready

wait "$pid"
