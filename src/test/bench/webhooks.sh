#!/usr/bin/env bash
# Webhook benchmark (issue #20): delivery latency from commit to receipt, p50 and p99, at
# BENCH_RATE (100) changes per second to BENCH_SUBSCRIPTIONS (10) subscriptions, and the API's write
# throughput with and without those subscriptions active. The packaged API (prod profile, heap
# BENCH_HEAP 256m, serial GC) on BENCH_PORT (8085) behind the stub OpenID provider (STUB_PORT 8199),
# a receiver on RECEIVER_PORT (8198) and the load in WebhookBench.java (JDK only). Needs PostgreSQL
# on 127.0.0.1:5432 (user postgres or BENCH_PGUSER; uses and recreates smartcity_bench_webhooks),
# psql, python3, openssl, curl.
#   src/test/bench/webhooks.sh
# Settings: BENCH_WARMUP (20 s of paced writes, then 10 s of flood), BENCH_LATENCY_SECONDS (30),
# BENCH_DRAIN (120: how long to wait for the deliveries after the last write; those still missing
# then count as slower than any, "undelivered" when a percentile falls among them), BENCH_ROUNDS (3)
# of BENCH_SECONDS (10) per side at BENCH_CONNECTIONS (8), BENCH_BUILD=1 rebuilds, BENCH_APP
# (target/quarkus-app) the packaged application to run (another build's copy, to compare two),
# BENCH_JAVA_OPTS more options for the API's JVM (a flight recording, say).
# It also prints what a write and a delivery cost in CPU (the API's process, PostgreSQL's and the
# receiver's, from /proc/<pid>/stat, the JIT compilers' threads left out): BENCH_LATENCY_SECONDS of the same paced writes with the
# subscriptions paused, against the latency run's, and the with ÷ without ratio that those costs
# allow when the two are bound by the same cores.
set -euo pipefail
cd "$(dirname "$0")/../../.."
bench=$PWD/src/test/bench
work=$PWD/target/bench-webhooks
db=smartcity_bench_webhooks
port=${BENCH_PORT:-8085}
rport=${RECEIVER_PORT:-8198}
export STUB_PORT=${STUB_PORT:-8199}
app=${BENCH_APP:-target/quarkus-app}
rate=${BENCH_RATE:-100}
subs=${BENCH_SUBSCRIPTIONS:-10}
warmup=${BENCH_WARMUP:-20}
latency_seconds=${BENCH_LATENCY_SECONDS:-30}
rounds=${BENCH_ROUNDS:-3}
seconds=${BENCH_SECONDS:-10}
connections=${BENCH_CONNECTIONS:-8}
drain_seconds=${BENCH_DRAIN:-120}
region=99.02
pgopts=(-h 127.0.0.1 -U "${BENCH_PGUSER:-postgres}")
psqlq() { psql "${pgopts[@]}" -d "$db" -v ON_ERROR_STOP=1 -qAt "$@"; }

if [ ! -f "$app/quarkus-run.jar" ] || [ -n "${BENCH_BUILD:-}" ]; then
  ./mvnw -B -q package -DskipTests -Dspotless.check.skip=true
fi
rm -rf "$work"
mkdir -p "$work/classes"
javac -d "$work/classes" "$bench/WebhookBench.java"
# sun.net.httpserver.nodelay: the JDK's HttpServer otherwise leaves Nagle on, and each response
# waits out the client's delayed ACK (about 40 ms a delivery on loopback): the receiver's cost, not
# the API's.
helper=(java -Xmx256m -XX:+UseSerialGC -Dsun.net.httpserver.nodelay=true -cp "$work/classes" WebhookBench)

api_pid= stub_pid= receiver_pid=
cleanup() {
  for p in $api_pid $receiver_pid $stub_pid; do kill "$p" 2> /dev/null || true; done
  wait 2> /dev/null || true
}
trap cleanup EXIT

psql "${pgopts[@]}" -qc "DROP DATABASE IF EXISTS $db WITH (FORCE)" -c "CREATE DATABASE $db"
openssl genrsa -out "$work/key.pem" 2048 2> /dev/null
(cd "$work" && exec python3 "$bench/oidc_stub.py") &
stub_pid=$!
"${helper[@]}" receive "$rport" &
receiver_pid=$!
# Deliveries may go to the receiver on loopback over http: the allow-list, as in development.
PORT=$port DB_URL="jdbc:postgresql://127.0.0.1:5432/$db" DB_USER="${BENCH_PGUSER:-postgres}" \
  OIDC_AUTH_SERVER_URL="http://127.0.0.1:$STUB_PORT/realms/smartcity" \
  RATE_LIMIT_PER_MINUTE=100000000 SMARTCITY_WEBHOOKS_ALLOWED_HOSTS=127.0.0.1 MALLOC_ARENA_MAX=2 \
  java -Xms"${BENCH_HEAP:-256m}" -Xmx"${BENCH_HEAP:-256m}" -XX:+UseSerialGC ${BENCH_JAVA_OPTS:-} \
  -jar "$app/quarkus-run.jar" > "$work/api.log" 2>&1 &
api_pid=$!
for _ in $(seq 1 120); do
  curl -fs -o /dev/null "localhost:$port/q/health/ready" && break
  kill -0 $api_pid 2> /dev/null || { cat "$work/api.log"; exit 1; }
  sleep 1
done
curl -fs -o /dev/null "localhost:$rport/stats" || { echo "the receiver did not start (port $rport busy?)"; exit 1; }

psqlq -c "INSERT INTO region (code, name, type, province) VALUES ('$region', 'Kabupaten Kait', 'KABUPATEN', 'Jawa Tengah')"
admin=$(cd "$work" && TOKEN_TTL=86400 "$bench/token.sh" key.pem bench.admin admin)
writer=$(cd "$work" && TOKEN_TTL=86400 "$bench/token.sh" key.pem bench.coordinator coordinator "[\"$region\"]")
writes=localhost:$port/api/v1/regions/$region/stakeholders
for i in $(seq 1 "$subs"); do
  curl -fs -o /dev/null -H "Authorization: Bearer $admin" -H 'Content-Type: application/json' \
    -d "{\"targetUrl\":\"http://127.0.0.1:$rport/hook/$i\",\"eventTypes\":[\"stakeholder.created\"],\"regionCodes\":[\"$region\"]}" \
    "localhost:$port/api/v1/webhook-subscriptions"
done
subscriptions() { # on|off: active, from the newest event on (no backlog from before), or paused
  if [ "$1" = on ]; then
    psqlq -c "UPDATE webhook_subscription SET active = true, attempts = 0, next_attempt_at = now(),
      delivery_cursor = (SELECT last_id FROM audit_chain_head WHERE id = 1)"
  else
    psqlq -c "UPDATE webhook_subscription SET active = false"
  fi
  sleep 2
}
distinct() { curl -fs "localhost:$rport/stats" | cut -d' ' -f2; }
hz=$(getconf CLK_TCK)
ticks() { # user + system CPU ticks of the pids given, less their JIT compilers' threads (start-up
  # cost that a busy machine spreads into the measured runs)
  local sum=0 pid t
  for pid in "$@"; do
    [ -r "/proc/$pid/stat" ] || continue
    sum=$((sum + $(sed 's/^.*) //' "/proc/$pid/stat" | awk '{ print $12 + $13 }')))
    for t in /proc/$pid/task/*; do
      case $(cat "$t/comm" 2> /dev/null) in
        C1\ Compil* | C2\ Compil*) sum=$((sum - $(sed 's/^.*) //' "$t/stat" | awk '{ print $12 + $13 }'))) ;;
      esac
    done
  done
  echo "$sum"
}
cpu() { # API, PostgreSQL (every postgres process: the pool keeps its backends), receiver
  echo "$(ticks $api_pid) $(ticks $(pgrep -x postgres)) $(ticks $receiver_pid)"
}
drain() { # expected distinct receipts; waits up to BENCH_DRAIN s; prints the seconds it waited
  local t0=$SECONDS
  while [ $((SECONDS - t0)) -lt "$drain_seconds" ]; do
    [ "$(distinct)" -ge "$1" ] && break
    sleep 0.1
  done
  echo $((SECONDS - t0))
}

echo "== warm-up: $warmup s at $rate changes/s with $subs subscriptions"
"${helper[@]}" paced "http://$writes" "$writer" "$rate" "$warmup" 8 > /dev/null
drain $((${rate%.*} * warmup * subs)) > /dev/null
subscriptions on # whatever the warm-up left undelivered is skipped, not measured
curl -fs -o /dev/null -X POST "localhost:$rport/reset"

echo "== CPU of writes alone: $latency_seconds s at $rate changes/s, subscriptions paused"
subscriptions off
read -r a0 p0 r0 < <(cpu)
read -r w_off _ < <("${helper[@]}" paced "http://$writes" "$writer" "$rate" "$latency_seconds" 8)
read -r a1 p1 r1 < <(cpu)
subscriptions on

echo "== delivery latency: $latency_seconds s at $rate changes/s to $subs subscriptions"
since=$(date +%s%3N)
commits() { psqlq -c "SELECT xact_commit FROM pg_stat_database WHERE datname = '$db'"; }
sleep 1 # pg_stat_database lags its backends by up to a second
commits0=$(commits)
read -r a2 p2 r2 < <(cpu)
read -r acked failed wp50 wp99 < <("${helper[@]}" paced "http://$writes" "$writer" "$rate" "$latency_seconds" 8)
waited=$(drain $((acked * subs)))
sleep 1
commits1=$(commits)
read -r a3 p3 r3 < <(cpu)
read -r n p50 p99 max < <(curl -fs "localhost:$rport/latency?since=$since&expected=$((acked * subs))")
read -r receipts received < <(curl -fs "localhost:$rport/stats")
echo "writes: $acked acknowledged, $failed failed; their round trip p50 $wp50 ms, p99 $wp99 ms"
echo "deliveries: $received of $((acked * subs)) (events x subscriptions; $((receipts - received)) duplicates) within ${waited} s after the last write (at most $drain_seconds s waited)"
ms() { if [ "$1" = undelivered ]; then echo "not delivered within the wait"; else echo "$1 ms"; fi; }
echo "commit to receipt: p50 $(ms "$p50"), p99 $(ms "$p99"), max $(ms "$max")"
per_delivery=$(awk -v c=$((commits1 - commits0)) -v w="$acked" -v d="$received" 'BEGIN {printf "%.2f", (c - w) / d}')
echo "database commits meanwhile: $((commits1 - commits0)) ($acked writes; $per_delivery a delivery besides the writes)"
# µs of CPU a write (paused run) and a delivery (what the latency run used beyond its writes' share)
read -r cw_api cw_pg cw_rcv cd_api cd_pg cd_rcv allowed < <(awk -v hz="$hz" -v w0="$w_off" -v w="$acked" -v d="$received" \
  -v a="$((a1 - a0)) $((p1 - p0)) $((r1 - r0))" -v b="$((a3 - a2)) $((p3 - p2)) $((r3 - r2))" -v subs="$subs" 'BEGIN {
    split(a, x, " "); split(b, y, " "); tw = 0; td = 0
    for (i = 1; i <= 3; i++) { cw[i] = x[i] * 1e6 / hz / w0; cd[i] = (y[i] * 1e6 / hz - cw[i] * w) / d; tw += cw[i]; td += cd[i] }
    printf "%.0f %.0f %.0f %.0f %.0f %.0f %.2f\n", cw[1], cw[2], cw[3], cd[1], cd[2], cd[3], tw / (tw + subs * td) }')
echo "CPU a write: API $cw_api µs, PostgreSQL $cw_pg µs, receiver $cw_rcv µs; a delivery: API $cd_api µs, PostgreSQL $cd_pg µs, receiver $cd_rcv µs"

echo "== write throughput, $connections connections, $rounds rounds of $seconds s per side"
subscriptions off
"${helper[@]}" flood "http://$writes" "$writer" 10 "$connections" > /dev/null
off=() on=()
for r in $(seq 1 "$rounds"); do
  for side in $( [ $((r % 2)) = 1 ] && echo "off on" || echo "on off"); do
    subscriptions "$side"
    read -r tps errors < <("${helper[@]}" flood "http://$writes" "$writer" "$seconds" "$connections")
    echo "round $r, subscriptions $side: $tps writes/s ($errors failed)"
    if [ "$side" = on ]; then on+=("$tps"); else off+=("$tps"); fi
  done
done
subscriptions off
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
m_off=$(median "${off[@]}")
m_on=$(median "${on[@]}")
echo
echo "| measure | result |"
echo "| --- | --- |"
echo "| delivery latency, commit to receipt, $rate changes/s to $subs subscriptions ($n of $((acked * subs)) delivered within $waited s) | p50 $(ms "$p50"), p99 $(ms "$p99"), max $(ms "$max") |"
echo "| the writes' own round trip at that rate | p50 $wp50 ms, p99 $wp99 ms |"
echo "| database commits a delivery, besides the writes' own (claims, reads, the worker's writes) | $per_delivery |"
echo "| write throughput without subscriptions (median of $rounds) | $m_off/s |"
echo "| write throughput with $subs active subscriptions (median of $rounds) | $m_on/s |"
echo "| with ÷ without | $(awk -v a="$m_on" -v b="$m_off" 'BEGIN {printf "%.2f", a / b}') |"
echo "| CPU a write (API, PostgreSQL, receiver) | $cw_api, $cw_pg, $cw_rcv µs |"
echo "| CPU a delivery (API, PostgreSQL, receiver) | $cd_api, $cd_pg, $cd_rcv µs |"
echo "| with ÷ without that these costs allow on shared cores: write ÷ (write + $subs deliveries) | $allowed |"
