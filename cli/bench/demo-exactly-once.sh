#!/usr/bin/env bash
# Runs `meshbone up --no-demo` and `meshbone serve demo` for a while, then counts, as read_committed readers (kcat), the
# demo's orders and settled payments on the raw topics, the staging topics and the product + DLQ topics, and counts the
# broker's OutOfOrderSequenceException errors and the producers' retries of them in the log.
# Usage: cli/bench/demo-exactly-once.sh [demo seconds, default 90] [checkouts/s, default 5]   (needs cli/target/meshbone.jar, kcat, jq)
# Exits 1 when a count disagrees along the way. MESHBONE_CPUS=1 runs both JVMs on that CPU only (taskset), as a loaded machine would: the errors then may show up.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
seconds=${1:-90}
rate=${2:-5}
work=$(mktemp -d)
pin=()
[[ -n "${MESHBONE_CPUS:-}" ]] && pin=(taskset -c "$MESHBONE_CPUS")
logback="-Dlogback.configurationFile=bench/logback-producer-retries.xml"

"${pin[@]}" java -Xmx768m "$logback" -jar target/meshbone.jar up --no-demo --port 0 --registry-port 0 --catalog-port 0 \
  --connect-port 0 >"$work/up.out" 2>"$work/up.log" &
up=$!
trap 'kill -TERM $up 2>/dev/null; wait $up 2>/dev/null; rm -rf "$work"' EXIT
until grep -q '^Meshbone is up in' "$work/up.out"; do
  kill -0 "$up" 2>/dev/null || { cat "$work/up.log"; exit 1; }
  sleep 0.5
done
bootstrap=$(sed -n 's/^bootstrap.servers=//p' "$work/up.out")
registry=$(sed -n 's/^schema.registry.url=//p' "$work/up.out")

"${pin[@]}" java -Xmx256m "$logback" -jar target/meshbone.jar serve demo --bootstrap-server "$bootstrap" \
  --registry-url "$registry" --management-port 0 --rate "$rate" >/dev/null 2>"$work/demo.log" &
demo=$!
sleep "$seconds"
kill -TERM "$demo"; wait "$demo" || true

keys() { kcat -q -C -b "$bootstrap" -t "$1" -o beginning -e -X isolation.level="${2:-read_committed}" -f '%k\n' 2>/dev/null | sort; }
values() { kcat -q -C -b "$bootstrap" -t "$1" -o beginning -e -f '%s\n' 2>/dev/null; }
# The apps and the gate catch up after the demo stops: wait until the product and DLQ topics stop growing.
last=-1
while :; do
  now=$(( $(keys orders.order-placed.v1 | wc -l) + $(keys orders.order-placed.v1.dlq | wc -l) + $(keys payments.payment-settled.v1 | wc -l) ))
  [[ "$now" == "$last" ]] && break
  last=$now; sleep 5
done

values orders.raw-checkout | jq -r 'select(.test | not) | .orderId' | sort -u >"$work/orders.raw"
values payments.raw-payments | jq -r 'select(.status == "SETTLED") | .orderId' | sort >"$work/payments.raw"
row() { printf '| %-40s | %8s | %8s |\n' "$1" "$2" "$3"; }
count() { wc -l <"$1" | tr -d ' '; }
distinct() { sort -u "$1" | wc -l | tr -d ' '; }
for t in orders.order-placed.v1.staging orders.order-placed.v1 orders.order-placed.v1.dlq payments.payment-settled.v1.staging \
         payments.payment-settled.v1 payments.payment-settled.v1.dlq; do
  keys "$t" >"$work/$t"; keys "$t" read_uncommitted >"$work/$t.uncommitted"
done
echo "demo traffic: ${seconds} s at ${rate} checkouts/s after the 3 h history; load average: $(cut -d' ' -f1-3 /proc/loadavg)${MESHBONE_CPUS:+; pinned to CPU $MESHBONE_CPUS}"
row "topic (read_committed)" records distinct
row "----------------------------------------" "--------" "--------"
row "orders.raw-checkout, non-test order ids" "" "$(count "$work/orders.raw")"
for t in orders.order-placed.v1.staging orders.order-placed.v1 orders.order-placed.v1.dlq; do row "$t" "$(count "$work/$t")" "$(distinct "$work/$t")"; done
row "payments.raw-payments, SETTLED" "$(count "$work/payments.raw")" "$(distinct "$work/payments.raw")"
for t in payments.payment-settled.v1.staging payments.payment-settled.v1 payments.payment-settled.v1.dlq; do row "$t" "$(count "$work/$t")" "$(distinct "$work/$t")"; done
echo "order ids on raw-checkout, not on staging: $(comm -23 "$work/orders.raw" <(sort -u "$work/orders.order-placed.v1.staging") | wc -l); on staging, not raw: $(comm -13 "$work/orders.raw" <(sort -u "$work/orders.order-placed.v1.staging") | wc -l)"
echo "settled payments' order ids (with repeats) on raw, not on staging: $(comm -23 "$work/payments.raw" "$work/payments.payment-settled.v1.staging" | wc -l); on staging, not raw: $(comm -13 "$work/payments.raw" "$work/payments.payment-settled.v1.staging" | wc -l)"
echo "aborted records on the two staging topics (read_uncommitted minus read_committed): $(( $(count "$work/orders.order-placed.v1.staging.uncommitted") + $(count "$work/payments.payment-settled.v1.staging.uncommitted") - $(count "$work/orders.order-placed.v1.staging") - $(count "$work/payments.payment-settled.v1.staging") ))"
echo "broker ERROR lines with OutOfOrderSequenceException: $(grep -c 'OutOfOrderSequenceException:' "$work/up.log" || true)"
echo "producer retries after OUT_OF_ORDER_SEQUENCE_NUMBER (Sender WARN): $(grep -c 'Error: OUT_OF_ORDER_SEQUENCE_NUMBER' "$work/up.log" || true)"
echo "producer retries after CONCURRENT_TRANSACTIONS (Sender WARN): $(grep -c 'Error: CONCURRENT_TRANSACTIONS' "$work/up.log" || true)"
echo "transactions aborted or tasks migrated: $(grep -c -i -E 'TaskMigrated|migrated to another thread|being fenced|Error encountered sending record|abortable' "$work/up.log" || true)"
grep -B1 'OutOfOrderSequenceException:' "$work/up.log" | grep -v '^--' | cut -c1-260 | head -6 || true

orders_staged=$(count "$work/orders.order-placed.v1.staging")
payments_staged=$(count "$work/payments.payment-settled.v1.staging")
if [[ "$(count "$work/orders.raw")" != "$orders_staged" || "$(distinct "$work/orders.order-placed.v1.staging")" != "$orders_staged" \
      || $(( $(count "$work/orders.order-placed.v1") + $(count "$work/orders.order-placed.v1.dlq") )) != "$orders_staged" \
      || "$(count "$work/payments.raw")" != "$payments_staged" \
      || $(( $(count "$work/payments.payment-settled.v1") + $(count "$work/payments.payment-settled.v1.dlq") )) != "$payments_staged" ]]; then
  echo "a count disagrees: records were lost or doubled" >&2
  exit 1
fi
