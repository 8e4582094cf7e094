#!/usr/bin/env bash
# End-to-end delivery benchmark (docs/benchmarks.md): a running voltmsg server, the SMSC simulator in a process of
# its own (as a carrier would be), events created through the server's public GraphQL API at a set rate, loopback
# receivers that verify signatures; CPU per event of the server, the SMSC, the load generator and PostgreSQL.
# Usage: bench/run-e2e.sh [--db h2|postgres] [--source outbound|inbound|test] [--duration 60] [--rate 2500]
#                         [--endpoints 1] [--threads 48] [--warmup 60] [--batch 1]
# --source: createMessage (3 events per message, the default), simulateInboundMessage (1) or sendTestEvent (1).
# The last line printed is:
# RESULT events_per_s=<n> p50_ms=<n> p99_ms=<n> p999_ms=<n> rsa_sign_per_s=<n> server_cpu_ms_per_event=<n>
#        cpu_ratio=<n> db_cpu_ms_per_event=<n> sql_per_event=<n> commits_per_event=<n> heap_mib=<n>
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
case "$DB" in h2|postgres) ;; *) echo "--db must be h2 or postgres, not '$DB'" >&2; exit 2 ;; esac
case "$SOURCE" in outbound|inbound|test) ;; *) echo "--source must be outbound, inbound or test, not '$SOURCE'" >&2; exit 2 ;; esac

if [ ! -f server/target/voltmsg.jar ] || [ ! -f bench/target/benchmarks.jar ]; then
  mvn -B -q -DskipTests package
fi

WORK=$(mktemp -d)
PORT=${VOLTMSG_BENCH_PORT:-18090}
# The bootstrap token has every scope, read:metrics included: the load generator reads /actuator/prometheus with it
# (metrics are not public).
TOKEN="bench-token-$(openssl rand -hex 16)"
NUMBER=+15550100001
PROPS=(--server.port="$PORT" --voltmsg.data-dir="$WORK/data" --voltmsg.bootstrap.token="$TOKEN"
       --voltmsg.bootstrap.phone-number="$NUMBER"
       --voltmsg.webhooks.allowed-networks=127.0.0.0/8
       --voltmsg.carrier.smpp.throughput=0
       --logging.level.root=WARN --logging.level.io.voltmsg=WARN)
DBNAME=""
SERVER_PID=""
SMSC_PID=""
cleanup() {
  [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null && wait "$SERVER_PID" 2>/dev/null || true
  [ -n "$SMSC_PID" ] && kill "$SMSC_PID" 2>/dev/null && wait "$SMSC_PID" 2>/dev/null || true
  [ -n "$DBNAME" ] && psql -h 127.0.0.1 -U postgres -d test -qc "drop database if exists $DBNAME with (force)" || true
  rm -rf "$WORK"
}
trap cleanup EXIT

POSTMASTER_PID=0
PGDATA_DIR="(unknown)"
if [ "$DB" = postgres ]; then
  # PostgreSQL's CPU is that of its postmaster's process tree; the pid is the first line of postmaster.pid.
  POSTMASTER_PID=${VOLTMSG_BENCH_POSTMASTER_PID:-}
  if [ -z "$POSTMASTER_PID" ]; then
    PGDATA_DIR=$(psql -h 127.0.0.1 -U postgres -d test -Atc 'show data_directory')
    POSTMASTER_PID=$(head -1 "$PGDATA_DIR/postmaster.pid" 2>/dev/null) || true
  fi
  if ! [[ "$POSTMASTER_PID" =~ ^[0-9]+$ ]] || [ ! -r "/proc/$POSTMASTER_PID/stat" ]; then
    echo "cannot find PostgreSQL's postmaster (read $PGDATA_DIR/postmaster.pid as root or postgres," \
         "or set VOLTMSG_BENCH_POSTMASTER_PID)" >&2
    exit 1
  fi
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

SMSC_PID_ARG=0
if [ "$SOURCE" = inbound ]; then
  # simulateInboundMessage asks the server's embedded SMSC to send the message; a separate one cannot be asked.
  echo "== SMSC: embedded in the server (--source inbound needs it); its CPU is in the server's"
  PROPS+=(--voltmsg.carrier.simulator.port=0)
else
  SMSC_PASSWORD=$(openssl rand -hex 4) # SMPP passwords have at most 8 characters
  java -Xmx256m -jar server/target/voltmsg.jar smsc --port 0 --system-id bench --password "$SMSC_PASSWORD" \
    > "$WORK/smsc.log" 2>&1 &
  SMSC_PID=$!
  SMSC_PORT=""
  for _ in $(seq 1 120); do
    SMSC_PORT=$(sed -n 's/^SMSC simulator listening on 127\.0\.0\.1:\([0-9]*\).*/\1/p' "$WORK/smsc.log" | head -1)
    [ -n "$SMSC_PORT" ] && break
    kill -0 "$SMSC_PID" 2> /dev/null || break
    sleep 0.25
  done
  [ -n "$SMSC_PORT" ] || { echo "the SMSC did not start:" >&2; tail -20 "$WORK/smsc.log" >&2; exit 1; }
  echo "== SMSC in its own process (pid $SMSC_PID) on 127.0.0.1:$SMSC_PORT, default receipt delay"
  SMSC_PID_ARG=$SMSC_PID
  PROPS+=(--voltmsg.carrier.simulator.enabled=false --voltmsg.carrier.smpp.host=127.0.0.1
          --voltmsg.carrier.smpp.port="$SMSC_PORT" --voltmsg.carrier.smpp.system-id=bench
          --voltmsg.carrier.smpp.password="$SMSC_PASSWORD")
fi
# shellcheck disable=SC2206 # extra server arguments are split on spaces on purpose
PROPS+=(${VOLTMSG_BENCH_SERVER_ARGS:-})

echo "== server on $DB with -Xmx512m"
java -Xmx512m ${VOLTMSG_BENCH_JAVA_OPTS:-} -jar server/target/voltmsg.jar "${PROPS[@]}" > "$WORK/server.log" 2>&1 &
SERVER_PID=$!
# Up to 3 minutes: on a busy machine the server's start-up alone can take more than one.
for _ in $(seq 1 360); do
  curl -sf "http://127.0.0.1:$PORT/actuator/health" > /dev/null && break
  kill -0 "$SERVER_PID" 2> /dev/null || break
  sleep 0.5
done
curl -sf "http://127.0.0.1:$PORT/actuator/health" > /dev/null || { echo "the server did not start:" >&2; tail -50 "$WORK/server.log" >&2; exit 1; }

echo "== load"
# C1 only for the load generator: it shares the cores with the server, and C2 compiling its HTTP
# client took as much CPU as the client itself (async-profiler); its peak speed does not matter.
java -Xmx1g -XX:TieredStopAtLevel=1 -cp bench/target/benchmarks.jar io.voltmsg.bench.EndToEnd --url "http://127.0.0.1:$PORT" --token "$TOKEN" \
  --source "$SOURCE" --number "$NUMBER" \
  --duration "$DURATION" --warmup "$WARMUP" --rate "$RATE" --endpoints "$ENDPOINTS" --threads "$THREADS" --batch "$BATCH" \
  --rsa-sign-per-s "$RSA" --server-pid "$SERVER_PID" --smsc-pid "$SMSC_PID_ARG" --postmaster-pid "$POSTMASTER_PID" \
  --clock-ticks "$(getconf CLK_TCK)" | tee "$WORK/e2e.log" | grep -v '^RESULT'
echo "(the server ran with -Xmx512m)"
grep '^RESULT' "$WORK/e2e.log"
