#!/usr/bin/env bash
# End-to-end delivery benchmark (docs/benchmarks.md): a running voltmsg server, events created
# through its public GraphQL API at a set rate, loopback receivers that verify signatures.
# Usage: bench/run-e2e.sh [--db h2|postgres] [--source outbound|inbound|test] [--duration 60] [--rate 2500]
#                         [--endpoints 1] [--threads 48] [--warmup 60] [--batch 1]
# --source: createMessage (3 events per message, the default), simulateInboundMessage (1) or sendTestEvent (1).
# The last line printed is: RESULT events_per_s=<n> p50_ms=<n> p99_ms=<n> p999_ms=<n> rsa_sign_per_s=<n>
set -euo pipefail
cd "$(dirname "$0")/.."

DB=h2 SOURCE=outbound DURATION=60 RATE=2500 ENDPOINTS=1 THREADS=48 WARMUP=60 BATCH=1
while [ $# -gt 0 ]; do
  case "$1" in
    --db) DB=$2; shift 2 ;;
    --source) SOURCE=$2; shift 2 ;;
    --duration) DURATION=$2; shift 2 ;;
    --rate) RATE=$2; shift 2 ;;
    --endpoints) ENDPOINTS=$2; shift 2 ;;
    --threads) THREADS=$2; shift 2 ;;
    --warmup) WARMUP=$2; shift 2 ;;
    --batch) BATCH=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

if [ ! -f server/target/voltmsg.jar ] || [ ! -f bench/target/benchmarks.jar ]; then
  mvn -B -q -DskipTests package
fi

WORK=$(mktemp -d)
PORT=${VOLTMSG_BENCH_PORT:-18090}
TOKEN="bench-token-$(openssl rand -hex 16)"
NUMBER=+15550100001
PROPS=(--server.port="$PORT" --voltmsg.data-dir="$WORK/data" --voltmsg.bootstrap.token="$TOKEN"
       --voltmsg.bootstrap.phone-number="$NUMBER"
       --voltmsg.webhooks.allowed-networks=127.0.0.0/8 --voltmsg.carrier.simulator.port=0
       --voltmsg.carrier.smpp.throughput=0
       --logging.level.root=WARN --logging.level.io.voltmsg=WARN ${VOLTMSG_BENCH_SERVER_ARGS:-})
DBNAME=""
SERVER_PID=""
cleanup() {
  [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null && wait "$SERVER_PID" 2>/dev/null || true
  [ -n "$DBNAME" ] && psql -h 127.0.0.1 -U postgres -d test -qc "drop database if exists $DBNAME with (force)" || true
  rm -rf "$WORK"
}
trap cleanup EXIT
if [ "$DB" = postgres ]; then
  DBNAME="voltmsg_bench_$$"
  psql -h 127.0.0.1 -U postgres -d test -qc "create database $DBNAME"
  PROPS+=(--spring.datasource.url="jdbc:postgresql://127.0.0.1:5432/$DBNAME" --spring.datasource.username=postgres
          --voltmsg.signing.master-key="$(openssl rand -base64 32)")
fi

echo "== single-core RSA-2048 sign rate (JMH, fast provider)"
java -jar bench/target/benchmarks.jar 'SignatureBenchmark.rsa2048Sign' -p provider=accp -f 1 -wi 1 -i 3 -w 2s -r 3s -t 1 \
  -rf json -rff "$WORK/jmh.json" > "$WORK/jmh.log"
RSA=$(python3 -c "import json,sys; print(round(json.load(open(sys.argv[1]))[0]['primaryMetric']['score']))" "$WORK/jmh.json")
echo "rsa2048Sign: $RSA ops/s"

echo "== server on $DB with -Xmx512m"
java -Xmx512m ${VOLTMSG_BENCH_JAVA_OPTS:-} -jar server/target/voltmsg.jar "${PROPS[@]}" > "$WORK/server.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 1 120); do
  curl -sf "http://127.0.0.1:$PORT/actuator/health" > /dev/null && break
  sleep 0.5
done
curl -sf "http://127.0.0.1:$PORT/actuator/health" > /dev/null || { tail -50 "$WORK/server.log"; exit 1; }

echo "== load"
heap_mib() {
  curl -s "http://127.0.0.1:$PORT/actuator/prometheus" \
    | awk '/^jvm_memory_used_bytes/ && /area="heap"/ {s += $NF} END {printf "%.0f", s / 1048576}'
}
# Heap in use, sampled every second while the load runs; its peak is what -Xmx must cover.
( while kill -0 "$SERVER_PID" 2> /dev/null; do heap_mib >> "$WORK/heap.txt"; echo >> "$WORK/heap.txt"; sleep 1; done ) &
SAMPLER_PID=$!
cpu_ticks() { awk '{print $14 + $15}' "/proc/$SERVER_PID/stat"; }
SERVER_TICKS_BEFORE=$(cpu_ticks)
# C1 only for the load generator: it shares the cores with the server, and C2 compiling its HTTP
# client took as much CPU as the client itself (async-profiler); its peak speed does not matter.
java -Xmx1g -XX:TieredStopAtLevel=1 -cp bench/target/benchmarks.jar io.voltmsg.bench.EndToEnd --url "http://127.0.0.1:$PORT" --token "$TOKEN" \
  --source "$SOURCE" --number "$NUMBER" \
  --duration "$DURATION" --warmup "$WARMUP" --rate "$RATE" --endpoints "$ENDPOINTS" --threads "$THREADS" --batch "$BATCH" \
  --rsa-sign-per-s "$RSA" | tee "$WORK/e2e.log" | grep -v '^RESULT'
kill "$SAMPLER_PID" 2> /dev/null || true
CREATED=$(sed -n 's/^created \([0-9]*\) events (.*/\1/p' "$WORK/e2e.log")
python3 - "$SERVER_TICKS_BEFORE" "$(cpu_ticks)" "$(getconf CLK_TCK)" "${CREATED:-0}" <<'PY'
import sys
before, after, hz, created = (int(x) for x in sys.argv[1:])
seconds = (after - before) / hz
per_event = f", {1000 * seconds / created:.2f} ms per event created" if created else ""
print(f"server CPU during the load (warm-up, window and drain): {seconds:.1f} s{per_event}")
PY
echo "server heap in use: peak $(sort -n "$WORK/heap.txt" | tail -1) MiB, at the end $(heap_mib) MiB (limit -Xmx512m)"
grep '^RESULT' "$WORK/e2e.log"
