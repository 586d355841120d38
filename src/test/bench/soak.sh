#!/usr/bin/env bash
# Soak (issue #24): does the packaged API's memory stay flat under hours of load? The API (prod
# profile, heap BENCH_HEAP 128m, serial GC, MALLOC_ARENA_MAX=2, Native Memory Tracking on) over the
# dataset of run.sh (dataset.sql), offered mixed reads (wrk/mixed.lua: 45 % E1, 45 % E2, 10 % E3)
# at SOAK_RATE (400) req/s on 64 connections, and stakeholder creates (wrk/e4.lua) on 2 connections
# throughout, for SOAK_MINUTES (60). Every minute: the RSS, the reads' p50/p99/max and errors; every
# SOAK_NMT_EVERY (10) minutes the NMT summary against the baseline taken after the first minute.
# At the end: RSS per minute, its least-squares slope from minute SOAK_STEADY_FROM (10) on (before
# that the JIT, metaspace and the heap's pages still grow to their working size), the latency percentiles of
# the minutes, and the NMT categories that grew most (committed KB, first diff → last).
# Needs PostgreSQL on 127.0.0.1:5432 (user postgres or BENCH_PGUSER; recreates smartcity_bench_soak),
# psql, python3, openssl, curl, wrk (installed with apt when missing), the JDK's jcmd.
#   src/test/bench/soak.sh
# Settings: SOAK_MINUTES, SOAK_RATE, SOAK_NMT_EVERY, BENCH_HEAP, BENCH_PORT (8086), STUB_PORT (8196),
# BENCH_APP (target/quarkus-app), BENCH_BUILD=1 rebuilds, BENCH_JAVA_OPTS more JVM options.
set -euo pipefail
cd "$(dirname "$0")/../../.."
bench=$PWD/src/test/bench
work=$PWD/target/bench-soak
db=smartcity_bench_soak
port=${BENCH_PORT:-8086}
export STUB_PORT=${STUB_PORT:-8196}
app=${BENCH_APP:-target/quarkus-app}
minutes=${SOAK_MINUTES:-60}
rate=${SOAK_RATE:-400}
nmt_every=${SOAK_NMT_EVERY:-10}
heap=${BENCH_HEAP:-128m}
region=91.01
pgopts=(-h 127.0.0.1 -U "${BENCH_PGUSER:-postgres}")
psqlq() { psql "${pgopts[@]}" -d "$db" -v ON_ERROR_STOP=1 -qAt "$@"; }
command -v wrk > /dev/null || apt-get install -y -q wrk > /dev/null || { apt-get update -q > /dev/null && apt-get install -y -q wrk > /dev/null; }
if [ ! -f "$app/quarkus-run.jar" ] || [ -n "${BENCH_BUILD:-}" ]; then
  ./mvnw -B -q package -DskipTests -Dspotless.check.skip=true
fi
rm -rf "$work"
mkdir -p "$work/data" "$work/nmt"

api_pid= stub_pid= writer_pid=
cleanup() {
  for p in $writer_pid $api_pid $stub_pid; do kill "$p" 2> /dev/null || true; done
  wait 2> /dev/null || true
}
trap cleanup EXIT

start_api() { # log file
  PORT=$port DB_URL="jdbc:postgresql://127.0.0.1:5432/$db" DB_USER="${BENCH_PGUSER:-postgres}" \
    OIDC_AUTH_SERVER_URL="http://127.0.0.1:$STUB_PORT/realms/smartcity" \
    RATE_LIMIT_PER_MINUTE=100000000 MALLOC_ARENA_MAX=2 \
    java -Xms"$heap" -Xmx"$heap" -XX:+UseSerialGC -XX:NativeMemoryTracking=summary ${BENCH_JAVA_OPTS:-} \
    -jar "$app/quarkus-run.jar" > "$1" 2>&1 &
  api_pid=$!
  for _ in $(seq 1 300); do
    curl -fs -o /dev/null "localhost:$port/q/health/ready" && return
    kill -0 $api_pid 2> /dev/null || { cat "$1"; exit 1; }
    sleep 0.5
  done
  echo "the API did not get ready"; exit 1
}

echo "== database $db, dataset, stub OpenID provider"
psql "${pgopts[@]}" -qc "DROP DATABASE IF EXISTS $db WITH (FORCE)" -c "CREATE DATABASE $db"
openssl genrsa -out "$work/key.pem" 2048 2> /dev/null
(cd "$work" && exec python3 "$bench/oidc_stub.py") &
stub_pid=$!
start_api "$work/api-migrate.log"
kill $api_pid; wait $api_pid 2> /dev/null || true
psqlq -f "$bench/dataset.sql"
psqlq -c "VACUUM ANALYZE"
psqlq -c "SELECT id FROM quick_win WHERE region_code = '$region' ORDER BY id" > "$work/data/quick-wins.txt"
token=$(cd "$work" && TOKEN_TTL=$((minutes * 60 + 3600)) "$bench/token.sh" key.pem bench.coordinator coordinator "[\"$region\", \"91.20\"]")
export BENCH_TOKEN=$token BENCH_REGION=$region BENCH_DATA=$work/data BENCH_LUA=$bench/wrk BENCH_THREADS=2 \
  BENCH_RATE=$rate BENCH_WRITE_REGION=91.20

start_api "$work/api.log"
echo "== soak: $minutes min, mixed reads at $rate req/s on 64 connections + creates on 2 connections"
wrk -t1 -c2 -d"$((minutes * 60 + 5))s" --timeout 10s -s "$bench/wrk/e4.lua" "http://localhost:$port" > "$work/writes.txt" 2>&1 &
writer_pid=$!
nmt() { jcmd $api_pid VM.native_memory "$@" 2> /dev/null; }
: > "$work/minutes.txt"
for m in $(seq 1 "$minutes"); do
  line=$(wrk -t2 -c64 -d60s --timeout 10s -s "$bench/wrk/mixed.lua" "http://localhost:$port" | grep '^RESULT' | tail -1)
  kill -0 $api_pid 2> /dev/null || { echo "the API died in minute $m"; tail -30 "$work/api.log"; exit 1; }
  rss=$(ps -o rss= -p $api_pid | tr -d ' ')
  echo "$m $rss $line" >> "$work/minutes.txt"
  echo "minute $m: RSS $((rss / 1024)) MB, $line"
  if [ "$m" -eq 1 ]; then
    nmt baseline > /dev/null
  elif [ $((m % nmt_every)) -eq 0 ] || [ "$m" -eq "$minutes" ]; then
    nmt summary.diff > "$work/nmt/diff-$(printf %03d "$m").txt"
  fi
done
wait $writer_pid || true # it ends a few seconds after the last minute, with its RESULT line
writer_pid=

python3 - "$work" "${SOAK_STEADY_FROM:-10}" << 'EOF'
import glob, re, statistics, sys
work = sys.argv[1]
rows = [l.split() for l in open(f"{work}/minutes.txt") if l.strip()]
# minute rss RESULT rps p50 p99 non2xx errors max
mins = [int(r[0]) for r in rows]
rss = [int(r[1]) / 1024 for r in rows]
rps = [float(r[3]) for r in rows]
p50 = [float(r[4]) for r in rows]
p99 = [float(r[5]) for r in rows]
errors = sum(int(r[6]) + int(r[7]) for r in rows)
mx = max(float(r[8]) for r in rows) if len(rows[0]) > 8 else float("nan")
print("\nminute  RSS MB  req/s  p50 ms  p99 ms")
for m, r, q, a, b in zip(mins, rss, rps, p50, p99):
    print(f"{m:6d}  {r:6.1f}  {q:5.0f}  {a:6.2f}  {b:6.2f}")
steady = int(sys.argv[2]) if len([m for m in mins if m >= int(sys.argv[2])]) >= 2 else 1
xs, ys = [m for m in mins if m >= steady], [r for m, r in zip(mins, rss) if m >= steady]
if len(xs) >= 2:
    mx_, my_ = statistics.mean(xs), statistics.mean(ys)
    slope = sum((x - mx_) * (y - my_) for x, y in zip(xs, ys)) / sum((x - mx_) ** 2 for x in xs)
    print(f"\nRSS from minute {steady} to {xs[-1]}: {ys[0]:.1f} → {ys[-1]:.1f} MB (range {min(ys):.1f}–{max(ys):.1f}),"
          f" slope {slope:.3f} MB/min"
          f" ({slope * 60:.1f} MB/hour)")
print(f"reads: {sum(rps) * 60:.0f} requests, median of the minutes' p50 {statistics.median(p50):.2f} ms, of their"
      f" p99 {statistics.median(p99):.2f} ms,"
      f" worst minute's p99 {max(p99):.2f} ms, max {mx:.0f} ms, {errors} errors")
w = open(f"{work}/writes.txt").read()
m = re.search(r"RESULT (\S+) (\S+) (\S+) (\d+) (\d+)", w)
if m:
    print(f"creates: {float(m.group(1)):.0f}/s, p99 {float(m.group(3)):.1f} ms, {int(m.group(4)) + int(m.group(5))} errors")
diffs = sorted(glob.glob(f"{work}/nmt/diff-*.txt"))
def categories(path):
    out = {}
    for line in open(path):
        g = re.match(r"-\s+(.+?) \(reserved=.*?committed=(\d+)KB", line.strip())
        if g:
            out[g.group(1).strip()] = int(g.group(2))
    return out
if len(diffs) >= 2:
    first, last = categories(diffs[0]), categories(diffs[-1])
    growth = sorted(((last[k] - first.get(k, 0), k) for k in last), reverse=True)
    print(f"\nNMT committed KB, {diffs[0][-7:-4]} → {diffs[-1][-7:-4]} min (largest changes):")
    for g, k in growth[:8]:
        print(f"  {k:28s} {first.get(k, 0):8d} → {last[k]:8d}  ({g:+d})")
EOF
