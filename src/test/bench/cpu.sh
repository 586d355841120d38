#!/usr/bin/env bash
# CPU time per request (issue #24): what one E1 (a quick win by id) and one E2 (a filtered page of
# 20) cost the API's process, in CPU microseconds (user + system, from /proc/<pid>/stat), for one
# packaged application or two side by side. Wall-clock throughput on a shared 2-core machine moves
# with everything else that runs; CPU time per request moves much less, and two builds measured in
# alternating rounds share whatever the machine does.
#   src/test/bench/cpu.sh                      # target/quarkus-app alone
#   BENCH_APP=/path/a BENCH_APP_B=/path/b src/test/bench/cpu.sh   # a and b, and b ÷ a
# Each round starts each application, warms each endpoint for BENCH_WARMUP (40) s, then runs wrk
# for BENCH_SECONDS (20) s per endpoint on BENCH_CONNECTIONS (4) connections and divides the CPU
# time the process's threads used (all but the JIT compilers', printed apart) by the requests wrk
# completed. BENCH_ROUNDS (3); medians are printed. The
# dataset is run.sh's (dataset.sql) in its own database, smartcity_bench_cpu. Heap BENCH_HEAP
# (128m), serial GC, MALLOC_ARENA_MAX=2, the rate limit lifted (its counter still runs). Ports:
# BENCH_PORT (8084), STUB_PORT (8195). Needs PostgreSQL on 127.0.0.1:5432, psql, python3, openssl,
# curl, wrk (installed with apt when missing).
set -euo pipefail
cd "$(dirname "$0")/../../.."
bench=$PWD/src/test/bench
work=$PWD/target/bench-cpu
db=smartcity_bench_cpu
port=${BENCH_PORT:-8084}
export STUB_PORT=${STUB_PORT:-8195}
app_a=${BENCH_APP:-target/quarkus-app}
app_b=${BENCH_APP_B:-}
rounds=${BENCH_ROUNDS:-3}
secs=${BENCH_SECONDS:-20}
warmup=${BENCH_WARMUP:-40}
conc=${BENCH_CONNECTIONS:-4}
heap=${BENCH_HEAP:-128m}
region=91.01
pgopts=(-h 127.0.0.1 -U "${BENCH_PGUSER:-postgres}")
psqlq() { psql "${pgopts[@]}" -d "$db" -v ON_ERROR_STOP=1 -qAt "$@"; }
command -v wrk > /dev/null || apt-get install -y -q wrk > /dev/null || { apt-get update -q > /dev/null && apt-get install -y -q wrk > /dev/null; }
[ -f "$app_a/quarkus-run.jar" ] || ./mvnw -B -q package -DskipTests -Dspotless.check.skip=true
rm -rf "$work"
mkdir -p "$work/data"
hz=$(getconf CLK_TCK)

api_pid= stub_pid=
cleanup() {
  for p in $api_pid $stub_pid; do kill "$p" 2> /dev/null || true; done
  wait 2> /dev/null || true
}
trap cleanup EXIT

start_api() { # application directory, log file
  PORT=$port DB_URL="jdbc:postgresql://127.0.0.1:5432/$db" DB_USER="${BENCH_PGUSER:-postgres}" \
    OIDC_AUTH_SERVER_URL="http://127.0.0.1:$STUB_PORT/realms/smartcity" \
    RATE_LIMIT_PER_MINUTE=100000000 MALLOC_ARENA_MAX=2 \
    java -Xms"$heap" -Xmx"$heap" -XX:+UseSerialGC ${BENCH_JAVA_OPTS:-} -jar "$1/quarkus-run.jar" > "$2" 2>&1 &
  api_pid=$!
  for _ in $(seq 1 600); do
    curl -fs -o /dev/null "localhost:$port/q/health/ready" && return
    kill -0 $api_pid 2> /dev/null || { cat "$2"; exit 1; }
    sleep 0.5
  done
  echo "the API did not get ready"; exit 1
}
stop_api() { kill $api_pid; wait $api_pid 2> /dev/null || true; api_pid=; }
# CPU ticks of the process (its stat counts the threads that have ended too: the worker pool
# replaces its threads), less those of the JIT compilers' threads, which are reported apart (their
# work is start-up cost that a busy machine spreads into the measured run).
cpu_ticks() { # -> "requests' ticks" "compilers' ticks"
  local t total jit=0
  total=$(sed 's/^.*) //' "/proc/$api_pid/stat" | awk '{ print $12 + $13 }')
  for t in /proc/$api_pid/task/*; do
    case $(cat "$t/comm" 2> /dev/null) in
      C1\ Compil* | C2\ Compil*) jit=$((jit + $(sed 's/^.*) //' "$t/stat" | awk '{ print $12 + $13 }'))) ;;
    esac
  done
  echo "$((total - jit)) $jit"
}

psql "${pgopts[@]}" -qc "DROP DATABASE IF EXISTS $db WITH (FORCE)" -c "CREATE DATABASE $db"
openssl genrsa -out "$work/key.pem" 2048 2> /dev/null
(cd "$work" && exec python3 "$bench/oidc_stub.py") &
stub_pid=$!
start_api "$app_a" "$work/api-migrate.log"
stop_api
psqlq -f "$bench/dataset.sql"
psqlq -c "VACUUM ANALYZE"
psqlq -c "SELECT id FROM quick_win WHERE region_code = '$region' ORDER BY id" > "$work/data/quick-wins.txt"
token=$(cd "$work" && TOKEN_TTL=86400 "$bench/token.sh" key.pem bench.coordinator coordinator "[\"$region\"]")
export BENCH_TOKEN=$token BENCH_REGION=$region BENCH_DATA=$work/data BENCH_LUA=$bench/wrk

apps=(a)
[ -n "$app_b" ] && apps+=(b)
: > "$work/results.txt"
for r in $(seq 1 "$rounds"); do
  for side in "${apps[@]}"; do
    dir=$app_a
    [ "$side" = b ] && dir=$app_b
    start_api "$dir" "$work/api-$side-$r.log"
    for e in e1 e2; do
      wrk -t2 -c"$conc" -d"${warmup}s" -s "$bench/wrk/$e.lua" "http://localhost:$port" > /dev/null
      read -r t0 j0 <<< "$(cpu_ticks)"
      line=$(wrk -t2 -c"$conc" -d"${secs}s" -s "$bench/wrk/$e.lua" "http://localhost:$port" | grep '^RESULT')
      read -r t1 j1 <<< "$(cpu_ticks)"
      # RESULT req/s p50 p99 non2xx errors max
      read -r _ rps p50 p99 non2xx errors _ <<< "$line"
      [ "$non2xx" = 0 ] && [ "$errors" = 0 ] || { echo "round $r $side $e: $non2xx non-2xx, $errors errors"; exit 1; }
      us=$(python3 -c "print(round(($t1 - $t0) / $hz * 1e6 / ($rps * $secs)))")
      jit_ms=$(((j1 - j0) * 1000 / hz))
      echo "$side $e $us $rps $p50 $p99 $jit_ms" | tee -a "$work/results.txt"
    done
    stop_api
  done
done

python3 - "$work/results.txt" "$app_a" "$app_b" "$(uptime)" << 'EOF'
import statistics, sys
rows = [l.split() for l in open(sys.argv[1]) if l.strip()]
a, b = sys.argv[2], sys.argv[3]
print(f"\nCPU µs per request (median of rounds); a = {a}" + (f", b = {b}" if b else ""))
print("| endpoint | a µs/req | a req/s | a p50 ms" + (" | b µs/req | b req/s | b p50 ms | b ÷ a CPU |" if b else " |"))
print("|---|---:|---:|---:" + ("|---:|---:|---:|---:|" if b else "|"))
for e in ("e1", "e2"):
    def med(side, i): return statistics.median(float(r[i]) for r in rows if r[0] == side and r[1] == e)
    line = f"| {e.upper()} | {med('a', 2):.0f} | {med('a', 3):.0f} | {med('a', 4):.2f}"
    if b:
        line += f" | {med('b', 2):.0f} | {med('b', 3):.0f} | {med('b', 4):.2f} | {med('b', 2) / med('a', 2):.2f} |"
    else:
        line += " |"
    print(line)
print("load at the end:", sys.argv[4].split("load average:")[-1].strip())
EOF
