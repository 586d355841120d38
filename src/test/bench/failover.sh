#!/usr/bin/env bash
# A database failover under write load (issue #24), on two PostgreSQL 15 clusters of its own:
# a primary on FAILOVER_PRIMARY_PORT (5433) and a synchronous standby streaming from it on
# FAILOVER_STANDBY_PORT (5434) — synchronous_standby_names 'ANY 1 (standby1)', as the CloudNativePG
# Cluster in deploy/k8s/postgres-cluster.yaml sets it. The packaged API (port 8093, stub OpenID
# provider on 8193) connects with a two-host JDBC URL and targetServerType=primary, the local
# stand-in for CloudNativePG's read-write Service, which follows the primary.
#  1. FAILOVER_WRITERS (4) clients create stakeholders, each create with an Idempotency-Key of its
#     own; a client that gets no answer or a 5xx retries the same key every 200 ms, as a careful
#     integrator does.
#  2. After FAILOVER_BEFORE (8) s the primary is stopped in immediate mode (every backend killed,
#     no shutdown checkpoint: the machine lost) and the standby is promoted (pg_ctl promote).
#  3. The writers go on for FAILOVER_AFTER (12) s.
# Then it checks on the promoted server that every acknowledged create (a 201) is there, none
# twice; that the audit trail verifies; that the change feed lists every create; and that a long
# poll is woken by a write after the failover (the feed's LISTEN connection came back). Prints the
# counts, the answers during the failover and how long writes were refused; exits non-zero when a
# check fails. Needs the PostgreSQL 15 server binaries, psql, python3, openssl, curl; run as root
# (the clusters belong to the postgres user) or as postgres.
#   src/test/bench/failover.sh
set -euo pipefail
cd "$(dirname "$0")/../../.."
root=$PWD
bench=$root/src/test/bench
work=$root/target/fault-failover
pgbin=${FAILOVER_PGBIN:-/usr/lib/postgresql/15/bin}
p1=${FAILOVER_PRIMARY_PORT:-5433}
p2=${FAILOVER_STANDBY_PORT:-5434}
port=8093
export STUB_PORT=8193
writers=${FAILOVER_WRITERS:-4}
before=${FAILOVER_BEFORE:-8}
after=${FAILOVER_AFTER:-12}
region=99.07
failed=0
check() { # check DESCRIPTION EXPECTED ACTUAL
  if [ "$2" = "$3" ]; then echo "PASS $1"; else echo "FAIL $1: expected $2, got $3"; failed=1; fi
}
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
sql() { psql -h 127.0.0.1 -p "$1" -U postgres -d smartcity -Atqc "$2"; }

[ -x "$pgbin/pg_ctl" ] || { echo "no PostgreSQL server binaries in $pgbin (FAILOVER_PGBIN)"; exit 1; }
[ -f target/quarkus-app/quarkus-run.jar ] || ./mvnw -q -B package -DskipTests -Dspotless.check.skip=true
rm -rf "$work"
mkdir -p "$work"
[ "$(id -u)" = 0 ] && chown postgres "$work"
api= stub=
cleanup() {
  kill $api $stub 2> /dev/null || true
  for d in primary standby; do
    [ -f "$work/$d/postmaster.pid" ] && as_pg "$pgbin/pg_ctl" -D "$work/$d" -m immediate stop > /dev/null 2>&1 || true
  done
}
trap cleanup EXIT

echo "== primary on $p1, synchronous standby on $p2"
as_pg "$pgbin/initdb" -D "$work/primary" -A trust -U postgres > "$work/initdb.log"
cat >> "$work/primary/postgresql.conf" << EOF
port = $p1
listen_addresses = '127.0.0.1'
unix_socket_directories = '$work'
wal_level = replica
max_wal_senders = 5
synchronous_commit = on
EOF
as_pg "$pgbin/pg_ctl" -D "$work/primary" -l "$work/primary.log" -w start > /dev/null
psql -h 127.0.0.1 -p "$p1" -U postgres -qc "CREATE DATABASE smartcity"
as_pg "$pgbin/pg_basebackup" -h 127.0.0.1 -p "$p1" -U postgres -D "$work/standby" -X stream -R
cat >> "$work/standby/postgresql.conf" << EOF
port = $p2
EOF
echo "primary_conninfo = 'host=127.0.0.1 port=$p1 user=postgres application_name=standby1'" \
  >> "$work/standby/postgresql.auto.conf"
as_pg "$pgbin/pg_ctl" -D "$work/standby" -l "$work/standby.log" -w start > /dev/null
# Synchronous from here on (before, CREATE DATABASE would wait for a standby that is not there).
psql -h 127.0.0.1 -p "$p1" -U postgres -qc "ALTER SYSTEM SET synchronous_standby_names = 'ANY 1 (standby1)'" \
  -c "SELECT pg_reload_conf()" > /dev/null
for _ in $(seq 1 50); do
  [ "$(sql "$p1" "SELECT count(*) FROM pg_stat_replication WHERE application_name = 'standby1' AND sync_state = 'quorum'")" = 1 ] && break
  sleep 0.2
done
check "the standby streams and counts for the commit quorum" quorum \
  "$(sql "$p1" "SELECT sync_state FROM pg_stat_replication WHERE application_name = 'standby1'")"

echo "== the API on $port, on jdbc:postgresql://127.0.0.1:$p1,127.0.0.1:$p2/smartcity?targetServerType=primary"
openssl genrsa -out "$work/key.pem" 2048 2> /dev/null
(cd "$work" && exec python3 "$bench/oidc_stub.py") &
stub=$!
PORT=$port DB_URL="jdbc:postgresql://127.0.0.1:$p1,127.0.0.1:$p2/smartcity?targetServerType=primary" \
  DB_USER=postgres OIDC_AUTH_SERVER_URL="http://127.0.0.1:$STUB_PORT/realms/smartcity" \
  RATE_LIMIT_PER_MINUTE=100000000 \
  java -Xmx256m -jar target/quarkus-app/quarkus-run.jar > "$work/api.log" 2>&1 &
api=$!
for _ in $(seq 1 120); do curl -fs "localhost:$port/q/health/ready" > /dev/null && break; sleep 1; done
curl -fs "localhost:$port/q/health/ready" > /dev/null || { echo "the API did not start; see $work/api.log"; exit 1; }
admin=$(cd "$work" && "$bench/token.sh" key.pem failover.admin admin)
coordinator=$(cd "$work" && "$bench/token.sh" key.pem failover.coordinator coordinator "[\"$region\"]")
curl -fs -o /dev/null -X POST "localhost:$port/api/v1/regions" -H "Authorization: Bearer $admin" \
  -H 'Content-Type: application/json' \
  -d "{\"code\": \"$region\", \"name\": \"Kabupaten Uji Failover\", \"type\": \"KABUPATEN\", \"province\": \"Jawa Tengah\"}"
feed() { # feed TYPES: pages through the region's change feed; prints the events of TYPES (all when
  # empty) and the cursor after the last event
  python3 - "$port" "$region" "$admin" "$1" << 'PY'
import json, sys, urllib.request
port, region, token, types = sys.argv[1:5]
after, count = "", 0
while True:
    url = f"http://127.0.0.1:{port}/api/v1/changes?regionCode={region}&limit=100" + (f"&types={types}" if types else "") + (f"&after={after}" if after else "")
    page = json.load(urllib.request.urlopen(urllib.request.Request(url, headers={"Authorization": "Bearer " + token})))
    count += len(page["items"])
    if not page["items"]:
        break
    after = page.get("nextCursor") or after
print(count, after)
PY
}

echo "== $writers writers: $before s, the failover, $after s"
python3 - "$port" "$region" "$coordinator" "$writers" "$((before + after))" "$work/writes.tsv" << 'PY' &
import http.client, json, sys, threading, time, uuid
port, region, token, writers, seconds, out = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), float(sys.argv[5]), sys.argv[6]
end = time.time() + seconds
rows, lock = [], threading.Lock()
def writer(w):
    n = 0
    while time.time() < end:
        n += 1
        name, key, tries = f"Dinas Uji {w}-{n}", str(uuid.uuid4()), 0
        while True:
            tries += 1
            t = time.time()
            try:
                c = http.client.HTTPConnection("127.0.0.1", int(port), timeout=15)
                c.request("POST", f"/api/v1/regions/{region}/stakeholders",
                          json.dumps({"name": name, "kind": "GOVERNMENT_AGENCY"}),
                          {"Authorization": "Bearer " + token, "Content-Type": "application/json", "Idempotency-Key": key})
                r = c.getresponse(); body = r.read(); status = r.status
                replayed = r.getheader("Idempotent-Replayed") == "true"; c.close()
            except Exception as e:
                status, body, replayed = 0, str(e).encode(), False
            with lock:
                rows.append((t, w, name, key, tries, status, json.loads(body).get("id", "") if status == 201 else "",
                             "replayed" if replayed else ""))
            if status == 201 or (400 <= status < 500 and status != 429):
                break
            time.sleep(0.2)
threads = [threading.Thread(target=writer, args=(w,)) for w in range(writers)]
for t in threads: t.start()
for t in threads: t.join()
with open(out, "w") as f:
    for r in rows: f.write("\t".join(str(x) for x in r) + "\n")
PY
load=$!
sleep "$before"
killed=$(date +%s.%N)
as_pg "$pgbin/pg_ctl" -D "$work/primary" -m immediate stop > /dev/null
as_pg "$pgbin/pg_ctl" -D "$work/standby" -w promote > /dev/null
promoted=$(date +%s.%N)
wait $load

echo "== checks on the promoted server ($p2)"
acked=$(awk -F'\t' '$6 == 201' "$work/writes.tsv" | wc -l)
awk -F'\t' '$6 == 201 {print $3}' "$work/writes.tsv" | sort > "$work/acked.txt"
sql "$p2" "SELECT name FROM stakeholder WHERE region_code = '$region' ORDER BY name" | sort > "$work/stored.txt"
check "every acknowledged create is stored" 0 "$(comm -23 "$work/acked.txt" "$work/stored.txt" | wc -l)"
check "none stored twice" 0 "$(uniq -d "$work/stored.txt" | wc -l)"
check "nothing stored that no client was answered for" 0 "$(comm -13 "$work/acked.txt" "$work/stored.txt" | wc -l)"
check "no attempt answered 500 (a database failure is a 503)" 0 "$(awk -F'\t' '$6 == 500' "$work/writes.tsv" | wc -l)"
check "every acknowledged create answered with one id" "$acked" "$(awk -F'\t' '$6 == 201 {print $7}' "$work/writes.tsv" | sort -u | wc -l)"
auditor=$(cd "$work" && "$bench/token.sh" key.pem failover.auditor auditor)
verify=$(curl -fs "localhost:$port/api/v1/audit-events/verify" -H "Authorization: Bearer $auditor")
check "the audit trail verifies" True "$(echo "$verify" | python3 -c 'import json,sys; print(json.load(sys.stdin)["valid"])')"
check "the change feed lists every create" "$(wc -l < "$work/stored.txt")" "$(feed stakeholder.created | cut -d' ' -f1)"
cursor=$(feed "" | cut -d' ' -f2)
(sleep 2 && curl -fs -o /dev/null -X POST "localhost:$port/api/v1/regions/$region/stakeholders" \
  -H "Authorization: Bearer $coordinator" -H 'Content-Type: application/json' \
  -d '{"name": "Sesudah failover", "kind": "GOVERNMENT_AGENCY"}') &
t0=$(date +%s%N)
curl -fs -o /dev/null "localhost:$port/api/v1/changes?regionCode=$region&after=$cursor&wait=20" -H "Authorization: Bearer $admin"
waited=$((($(date +%s%N) - t0) / 1000000))
check "a long poll after the failover is woken by the write (in under 10 s)" yes "$([ "$waited" -lt 10000 ] && echo yes || echo "no ($waited ms)")"

python3 - "$work/writes.tsv" "$killed" "$promoted" "$waited" << 'PY'
import sys, collections
rows = [l.rstrip("\n").split("\t") for l in open(sys.argv[1])]
killed, promoted, waited = float(sys.argv[2]), float(sys.argv[3]), int(sys.argv[4])
creates = {r[3] for r in rows}
acked = [r for r in rows if r[5] == "201"]
retried = {r[3] for r in rows if int(r[4]) > 1}
replayed = [r for r in acked if r[7] == "replayed"]
first_answer = {}
for r in sorted(rows, key=lambda r: float(r[0])):
    first_answer.setdefault(r[3], r[5])
answers = collections.Counter(r[5] for r in rows)
failures = [float(r[0]) for r in rows if r[5] != "201"]
first_ok = min((float(r[0]) for r in acked if float(r[0]) > killed), default=None)
print(f"attempts {len(rows)}, creates {len(creates)}, acknowledged {len(acked)}, creates retried {len(retried)}")
print(f"retries answered by a replay (the first attempt had committed): {len(replayed)}; "
      f"their first answers: " + ", ".join(f"{'no answer' if k == '0' else k} {v}" for k, v in
      sorted(collections.Counter(first_answer[r[3]] for r in replayed).items())))
print("answers: " + ", ".join(f"{'no answer' if k == '0' else k} {v}" for k, v in sorted(answers.items())))
print(f"promote took {1000 * (promoted - killed):.0f} ms; first acknowledged write sent "
      f"{1000 * (first_ok - killed):.0f} ms after the kill" if first_ok else "no write acknowledged after the kill")
if failures:
    print(f"refused or unanswered attempts sent from {1000 * (min(failures) - killed):+.0f} to {1000 * (max(failures) - killed):+.0f} ms of the kill")
print(f"long poll woken {waited - 2000} ms after the write was sent")
PY
[ "$failed" = 0 ] && echo "all checks passed" || { echo "some checks failed"; exit 1; }
