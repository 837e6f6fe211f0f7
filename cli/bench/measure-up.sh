#!/usr/bin/env bash
# Measures `meshbone up`: time from process start to "Meshbone is up" (every contract listed, demo traffic on),
# and resident memory after 30 s of demo traffic. Usage: cli/bench/measure-up.sh [runs]  (needs cli/target/meshbone.jar)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
runs=${1:-3}
for i in $(seq 1 "$runs"); do
  log=$(mktemp)
  start=$(date +%s%N)
  java ${MESHBONE_JAVA_OPTS:-} -jar target/meshbone.jar up --port 0 --registry-port 0 --catalog-port 0 --connect-port 0 >"$log" 2>&1 &
  pid=$!
  until grep -q '^Meshbone is up in' "$log"; do
    if ! kill -0 "$pid" 2>/dev/null; then cat "$log"; exit 1; fi
    sleep 0.1
  done
  ready_ms=$(( ($(date +%s%N) - start) / 1000000 ))
  reported=$(grep '^Meshbone is up in' "$log")
  sleep 30
  rss_kb=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status")
  kill -TERM "$pid"
  wait "$pid" || true
  echo "run $i: ready ${ready_ms} ms from process start (${reported#Meshbone is }), RSS after 30 s of demo traffic $(( rss_kb / 1024 )) MiB"
  rm -f "$log"
done
