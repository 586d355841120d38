#!/usr/bin/env bash
# Idempotency-Key under kill -9 of the API: the packaged API on loopback (port 8096) behind the
# stub OpenID provider (port 8196), on a database of its own.
#  1. A POST with a key is held inside its transaction (psql holds the audit chain's head) when
#     the API is killed: afterwards neither the stakeholder nor the key exists and no lock is
#     left; after a restart the retry with the same key creates it, once.
#  2. A POST acknowledged (201) just before a kill: after a restart the retry replays it.
# Prints each check; exits non-zero when one fails. Needs PostgreSQL on 127.0.0.1:5432 (user
# postgres), psql, python3, openssl and curl.
#   src/test/bench/idempotency_kill9.sh
set -euo pipefail
cd "$(dirname "$0")/../../.."
work=target/fault-idempotency
mkdir -p "$work"
db=smartcity_fault_idempotency
export STUB_PORT=8196
port=8096
sql() { psql -h 127.0.0.1 -U postgres -d $db -Atqc "$1"; }
failed=0
check() { # check DESCRIPTION EXPECTED ACTUAL
  if [ "$2" = "$3" ]; then echo "PASS $1"; else echo "FAIL $1: expected $2, got $3"; failed=1; fi
}

./mvnw -q -B package -DskipTests -Dspotless.check.skip=true
psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE IF EXISTS $db WITH (FORCE)" -c "CREATE DATABASE $db"
openssl genrsa -out "$work/key.pem" 2048 2>/dev/null
(cd "$work" && exec python3 ../../src/test/bench/oidc_stub.py) &
stub=$!
api=
holder=
trap 'kill $api $holder $stub 2>/dev/null || true
      psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE IF EXISTS $db WITH (FORCE)"' EXIT

start_api() {
  PORT=$port DB_URL="jdbc:postgresql://127.0.0.1:5432/$db" DB_USER=postgres \
    OIDC_AUTH_SERVER_URL="http://127.0.0.1:$STUB_PORT/realms/smartcity" \
    java -Xmx256m -jar target/quarkus-app/quarkus-run.jar >> "$work/api.log" 2>&1 &
  api=$!
  for _ in $(seq 1 90); do curl -fs "localhost:$port/q/health/ready" > /dev/null && return; sleep 1; done
  echo "the API did not start; see $work/api.log"; exit 1
}
kill9_api() { kill -9 "$api"; wait "$api" 2>/dev/null || true; api=; }
post() { # post KEY NAME -> prints the status code; the body goes to $work/last.json
  curl -s -o "$work/last.json" -w '%{http_code}' -X POST "localhost:$port/api/v1/regions/99.02/stakeholders" \
    -H "Authorization: Bearer $coordinator" -H 'Content-Type: application/json' -H "Idempotency-Key: $1" \
    -d "{\"name\": \"$2\", \"kind\": \"GOVERNMENT_AGENCY\"}"
}
count() { sql "SELECT count(*) FROM stakeholder WHERE name = '$1'"; }

start_api
admin=$(cd "$work" && ../../src/test/bench/token.sh key.pem fault.admin admin)
coordinator=$(cd "$work" && ../../src/test/bench/token.sh key.pem fault.coordinator coordinator '["99.02"]')
curl -fs -o /dev/null -X POST "localhost:$port/api/v1/regions" -H "Authorization: Bearer $admin" \
  -H 'Content-Type: application/json' \
  -d '{"code": "99.02", "name": "Kabupaten Uji Gagal", "type": "KABUPATEN", "province": "Jawa Tengah"}'

echo "1. killed inside the transaction"
psql -h 127.0.0.1 -U postgres -d $db -q > /dev/null 2>&1 <<'SQL' &
BEGIN;
SELECT 1 FROM audit_chain_head WHERE id = 1 FOR UPDATE;
SELECT pg_sleep(120);
SQL
holder=$!
until [ "$(sql "SELECT count(*) FROM pg_stat_activity WHERE query LIKE '%pg_sleep(120)%' AND pid <> pg_backend_pid()")" = 1 ]; do sleep 0.1; done
post key-held "Dinas Kominfo" > "$work/held.code" &
client=$!
until [ "$(sql "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE '%audit_chain_head%'")" = 1 ]; do sleep 0.1; done
check "while held: the key's advisory lock is taken" 1 "$(sql "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'")"
killed_at=$(date +%s%N)
kill9_api
wait "$client" || true
check "the client got no answer" 000 "$(cat "$work/held.code")"
# The dead API's backend is still waiting for the chain's head; it notices its lost client within
# client_connection_check_interval (5 s) and rolls back, while psql still holds the head.
for _ in $(seq 1 100); do
  [ "$(sql "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'")" = 0 ] && break; sleep 0.1
done
check "within seconds of the kill: no advisory lock left" 0 "$(sql "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'")"
echo "     (released $(( ($(date +%s%N) - killed_at) / 1000000 )) ms after the kill)"
sql "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query LIKE '%pg_sleep(120)%' AND pid <> pg_backend_pid()" > /dev/null
wait "$holder" 2>/dev/null || true
holder=
check "after the kill: no stakeholder" 0 "$(count "Dinas Kominfo")"
check "after the kill: no key" 0 "$(sql "SELECT count(*) FROM idempotency_key WHERE key = 'key-held'")"
check "after the kill: no audit event" 0 "$(sql "SELECT count(*) FROM audit_event WHERE entity_type = 'STAKEHOLDER'")"
start_api
check "the retry runs" 201 "$(post key-held "Dinas Kominfo")"
check "a second retry replays" 201 "$(post key-held "Dinas Kominfo")"
check "created once" 1 "$(count "Dinas Kominfo")"

echo "2. killed after the answer"
check "acknowledged" 201 "$(post key-acked "Bappeda")"
id=$(python3 -c "import json; print(json.load(open('$work/last.json')).get('id'))")
kill9_api
check "after the kill: the key is there" 1 "$(sql "SELECT count(*) FROM idempotency_key WHERE key = 'key-acked'")"
start_api
check "the retry gets the first response" 201 "$(post key-acked "Bappeda")"
check "same id" "$id" "$(python3 -c "import json; print(json.load(open('$work/last.json')).get('id'))")"
check "created once" 1 "$(count "Bappeda")"

kill "$api" 2>/dev/null || true
wait "$api" 2>/dev/null || true
api=
[ "$failed" = 0 ] && echo "all checks passed" || { echo "some checks failed"; exit 1; }
