#!/usr/bin/env bash
# Start-up and footprint on Java 17 and 25 (issue #24): three variants side by side,
#   fast-jar on 17 | fast-jar on 25 | aot-jar with its AOT cache on 25 (JEP 483/514),
# each launched BENCH_LAUNCHES (5) times, interleaved (one launch of each variant in turn), against
# PostgreSQL (Flyway validates the migrated schema at each start) and a stub OpenID provider (OIDC
# discovery at each start). Per launch: wall time from launch to /q/health/ready answering 200, the
# process's CPU time (user + system) at that moment, and Quarkus's own "started in". After each
# variant's last launch, a short load (wrk on E1, E2, E3 of run.sh, BENCH_SECONDS each on
# BENCH_CONNECTIONS) and the RSS after it (and its peak during it). Prints a table with the ratios
# to fast-jar on 17; also in target/bench-startup/results.md.
#
# The AOT cache: BENCH_AOT_APP names a quarkus-app built with -Paot whose app.aot the end-to-end run
# trained (./mvnw verify -Pe2e -Paot on Java 25, as .ci/run does). Otherwise the script builds the
# aot-jar itself and trains the cache with one launch that gets the same load, stopped before the
# measured launches (the table says which).
#
# Settings: BENCH_JDK17 (/usr/lib/jvm/java-17-openjdk-amd64), BENCH_JDK25
# (/usr/lib/jvm/temurin-25-jdk-amd64), BENCH_LAUNCHES (5), BENCH_SECONDS (10), BENCH_CONNECTIONS
# (8), BENCH_HEAP (128m), BENCH_JAVA_OPTS (default -XX:+UseSerialGC, as deploy/k8s;
# MALLOC_ARENA_MAX=2 likewise), BENCH_PORT (8094), STUB_PORT (8195), BENCH_PGUSER (postgres),
# BENCH_BUILD=0 reuses the builds of an earlier run in target/bench-startup.
# Needs PostgreSQL on 127.0.0.1:5432 (trust auth), python3, openssl, curl; installs wrk with apt.
set -euo pipefail
cd "$(dirname "$0")/../../.."
root=$PWD
bench=$root/src/test/bench
work=$root/target/bench-startup
jdk17=${BENCH_JDK17:-/usr/lib/jvm/java-17-openjdk-amd64}
jdk25=${BENCH_JDK25:-/usr/lib/jvm/temurin-25-jdk-amd64}
launches=${BENCH_LAUNCHES:-5}
secs=${BENCH_SECONDS:-10}
conc=${BENCH_CONNECTIONS:-8}
heap=${BENCH_HEAP:-128m}
port=${BENCH_PORT:-8094}
export STUB_PORT=${STUB_PORT:-8195}
export MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-2}
db=smartcity_bench_startup
region=91.01
threads=2
pgopts=(-h 127.0.0.1 -U "${BENCH_PGUSER:-postgres}")
psqlq() { psql "${pgopts[@]}" -d "$db" -v ON_ERROR_STOP=1 -qAt "$@"; }
tick=$(getconf CLK_TCK)
mvn_opts=(-B -q package -DskipTests -Dspotless.check.skip=true -Dspectral.skip=true -Dts-client.skip=true)

for jdk in "$jdk17" "$jdk25"; do
  [ -x "$jdk/bin/java" ] || { echo "no JDK at $jdk (BENCH_JDK17, BENCH_JDK25)"; exit 1; }
done
command -v wrk > /dev/null || apt-get install -y -q wrk > /dev/null \
  || { apt-get update -q > /dev/null && apt-get install -y -q wrk > /dev/null; }

mkdir -p "$work"
if [ "${BENCH_BUILD:-1}" != 0 ] || [ ! -d "$work/fast-jar" ] || [ ! -d "$work/aot-jar" ]; then
  echo "== building the aot-jar (Java 25, -Paot) and the fast-jar (Java 17)"
  rm -rf "$work/fast-jar" "$work/aot-jar"
  if [ -z "${BENCH_AOT_APP:-}" ]; then
    JAVA_HOME=$jdk25 ./mvnw "${mvn_opts[@]}" -Paot
    cp -a target/quarkus-app "$work/aot-jar"
    rm -f "$work/aot-jar/app.aot"
  fi
  # Last, so that target/quarkus-app is the default package again afterwards.
  JAVA_HOME=$jdk17 ./mvnw "${mvn_opts[@]}"
  cp -a target/quarkus-app "$work/fast-jar"
fi
cache_origin="reused from an earlier run of this script (BENCH_BUILD=0)"
if [ -n "${BENCH_AOT_APP:-}" ]; then
  rm -rf "$work/aot-jar"
  cp -a "$BENCH_AOT_APP" "$work/aot-jar"
  [ -f "$work/aot-jar/app.aot" ] || { echo "$BENCH_AOT_APP has no app.aot"; exit 1; }
  cache_origin="trained by the end-to-end run ($BENCH_AOT_APP)"
fi
rm -f "$work"/*.log "$work"/rss-*.txt

api_pid= stub_pid= rss_pid=
cleanup() {
  for p in $rss_pid $api_pid $stub_pid; do kill "$p" 2> /dev/null || true; done
  wait 2> /dev/null || true
}
trap cleanup EXIT

jvm_opts=(-Xms"$heap" -Xmx"$heap" -XX:+ExitOnOutOfMemoryError)
# shellcheck disable=SC2206
jvm_opts+=(${BENCH_JAVA_OPTS:--XX:+UseSerialGC})

variants=(fast17 fast25 aot25)
declare -A label=([fast17]="fast-jar, Java 17" [fast25]="fast-jar, Java 25" [aot25]="aot-jar + AOT cache, Java 25")
declare -A java=([fast17]=$jdk17/bin/java [fast25]=$jdk25/bin/java [aot25]=$jdk25/bin/java)
declare -A app=([fast17]=$work/fast-jar [fast25]=$work/fast-jar [aot25]=$work/aot-jar)
declare -A extra=([fast17]="" [fast25]="" [aot25]="-XX:AOTCache=app.aot")

start_api() { # variant, log file, extra JVM options...; sets api_pid, ready_ms and cpu_ms at ready
  local v=$1 log=$2 t0 stat
  shift 2
  t0=$(date +%s%N)
  # Run from the package's folder, as the image does (the AOT cache names its class path).
  (cd "${app[$v]}" && PORT=$port DB_URL="jdbc:postgresql://127.0.0.1:5432/$db" DB_USER="${BENCH_PGUSER:-postgres}" \
    OIDC_AUTH_SERVER_URL="http://127.0.0.1:$STUB_PORT/realms/smartcity" RATE_LIMIT_PER_MINUTE=100000000 \
    exec "${java[$v]}" "${jvm_opts[@]}" "$@" -jar quarkus-run.jar > "$log" 2>&1) &
  api_pid=$!
  for _ in $(seq 1 6000); do
    curl -fs -o /dev/null "localhost:$port/q/health/ready" && break
    kill -0 $api_pid 2> /dev/null || { cat "$log"; exit 1; }
    sleep 0.01
  done
  ready_ms=$((($(date +%s%N) - t0) / 1000000))
  stat=$(sed 's/.*) //' "/proc/$api_pid/stat")
  cpu_ms=$(echo "$stat" | awk -v t="$tick" '{print int(($12 + $13) * 1000 / t)}')
}
stop_api() { kill $api_pid; wait $api_pid 2> /dev/null || true; api_pid=; }

load() { # variant: wrk on E1, E2, E3; sets rss_after and rss_peak (MB)
  local v=$1 e
  (while kill -0 $api_pid 2> /dev/null; do ps -o rss= -p $api_pid; sleep 0.5; done > "$work/rss-$v.txt") &
  rss_pid=$!
  for e in e1 e2 e3; do
    wrk -t$threads -c"$conc" -d"${secs}s" --timeout 10s -s "$bench/wrk/$e.lua" "http://localhost:$port" \
      | grep '^RESULT' | tail -1 | awk -v e="$e" '{printf "  %s: %.0f req/s, p99 %.1f ms, non-2xx %d\n", e, $2, $4, $5}'
  done
  rss_after=$(ps -o rss= -p $api_pid | awk '{printf "%.0f", $1 / 1024}')
  kill $rss_pid 2> /dev/null || true
  wait $rss_pid 2> /dev/null || true
  rss_pid=
  rss_peak=$(sort -n "$work/rss-$v.txt" | tail -1 | awk '{printf "%.0f", $1 / 1024}')
}

echo "== database $db, stub OpenID provider on $STUB_PORT"
psql "${pgopts[@]}" -qc "DROP DATABASE IF EXISTS $db WITH (FORCE)" -c "CREATE DATABASE $db"
openssl genrsa -out "$work/key.pem" 2048 2> /dev/null
(cd "$work" && exec python3 "$bench/oidc_stub.py") &
stub_pid=$!
sleep 0.5
kill -0 $stub_pid 2> /dev/null || { echo "the stub OpenID provider did not start (port $STUB_PORT busy?)"; exit 1; }
start_api fast17 "$work/api-migrate.log"
stop_api
psqlq -f "$bench/dataset.sql"
psqlq -c "VACUUM ANALYZE"
mkdir -p "$work/data"
psqlq -c "SELECT id FROM quick_win WHERE region_code = '$region' ORDER BY id" > "$work/data/quick-wins.txt"
token=$(cd "$work" && TOKEN_TTL=86400 "$bench/token.sh" key.pem bench.coordinator coordinator "[\"$region\"]")
export BENCH_TOKEN=$token BENCH_REGION=$region BENCH_DATA=$work/data BENCH_LUA=$bench/wrk

if [ ! -f "$work/aot-jar/app.aot" ]; then
  echo "== training the AOT cache: one launch on Java 25 with -XX:AOTCacheOutput and the same load"
  start_api aot25 "$work/api-training.log" -XX:AOTCacheOutput=app.aot
  echo "  training launch: ${ready_ms} ms to ready"
  load aot25
  t0=$(date +%s)
  stop_api
  [ -f "$work/aot-jar/app.aot" ] || { echo "no AOT cache written; end of $work/api-training.log:"; tail -20 "$work/api-training.log"; exit 1; }
  echo "  cache written at exit in $(($(date +%s) - t0)) s: $(du -h "$work/aot-jar/app.aot" | cut -f1)"
  cache_origin="trained by one launch of this script with the same load (not the end-to-end run)"
fi

load_start=$(cut -d' ' -f1-3 /proc/loadavg)
started_at=$(date -u '+%Y-%m-%d %H:%M')
declare -A ready cpu quarkus after peak
for i in $(seq 1 "$launches"); do
  for v in "${variants[@]}"; do
    # shellcheck disable=SC2086
    start_api "$v" "$work/api-$v-$i.log" ${extra[$v]}
    ready[$v]+="$ready_ms "
    cpu[$v]+="$cpu_ms "
    q=$(grep -o 'started in [0-9.]*s' "$work/api-$v-$i.log" | grep -o '[0-9.]*' || echo '?')
    quarkus[$v]+="$q "
    echo "launch $i ${label[$v]}: ${ready_ms} ms to ready, CPU ${cpu_ms} ms, Quarkus: started in ${q} s"
    if [ "$i" = "$launches" ]; then
      load "$v"
      after[$v]=$rss_after
      peak[$v]=$rss_peak
      echo "  RSS after the load ${rss_after} MB (peak ${rss_peak} MB)"
    fi
    stop_api
  done
done
# With -XX:AOTMode=auto (the default) a cache the JVM cannot use is only a warning: say so.
if grep -qE '\]\[(warning|error) *\]\[(aot|cds)' "$work"/api-aot25-*.log; then
  echo "warning: the JVM complained about the AOT cache:"
  grep -hE '\]\[(warning|error) *\]\[(aot|cds)' "$work"/api-aot25-*.log | sort | uniq -c
fi
load_end=$(cut -d' ' -f1-3 /proc/loadavg)

median() { tr ' ' '\n' | grep -v '^$' | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
range() { tr ' ' '\n' | grep -v '^$' | sort -n | awk 'NR==1{lo=$1} {hi=$1} END {print lo "–" hi}'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a / b}'; }
base_ready=$(echo "${ready[fast17]}" | median)
base_cpu=$(echo "${cpu[fast17]}" | median)
base_rss=${after[fast17]}
{
  echo "$started_at UTC, $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //')), $(free -g | awk '/Mem:/ {print $2}') GB;"
  echo "load averages (1, 5, 15 min) $load_start at the first launch, $load_end at the end."
  echo "$launches launches per variant, interleaved; heap -Xms/-Xmx$heap, ${BENCH_JAVA_OPTS:--XX:+UseSerialGC}, MALLOC_ARENA_MAX=$MALLOC_ARENA_MAX;"
  echo "load: wrk E1, E2, E3, ${secs} s each on $conc connections. AOT cache $cache_origin."
  echo "Java 17: $("$jdk17/bin/java" -version 2>&1 | sed -n 2p); Java 25: $("$jdk25/bin/java" -version 2>&1 | sed -n 2p)."
  echo
  echo "| variant | launch to ready, median (ms) | range (ms) | ÷ fast-jar 17 | CPU to ready, median (ms) | ÷ fast-jar 17 | Quarkus \"started in\", median (s) | RSS after the load (MB) | peak during it (MB) | ÷ fast-jar 17 |"
  echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
  for v in "${variants[@]}"; do
    r=$(echo "${ready[$v]}" | median)
    c=$(echo "${cpu[$v]}" | median)
    printf '| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n' "${label[$v]}" "$r" "$(echo "${ready[$v]}" | range)" \
      "$(ratio "$r" "$base_ready")" "$c" "$(ratio "$c" "$base_cpu")" "$(echo "${quarkus[$v]}" | median)" \
      "${after[$v]}" "${peak[$v]}" "$(ratio "${after[$v]}" "$base_rss")"
  done
} | tee "$work/results.md"
