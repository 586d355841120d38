#!/usr/bin/env bash
# Dashboard benchmark: one region with 5,000 quick wins, 50,000 milestones and 10,000 progress
# reports; the packaged API on loopback (port 8085, heap 256 MB) behind a stub OpenID provider;
# 50 warm-up requests, then N sequential GETs of the dashboard, timed by curl. Prints median and
# p95. Needs PostgreSQL on 127.0.0.1:5432 (user postgres), psql, python3, openssl and curl.
#   src/test/bench/dashboard.sh [requests]
set -euo pipefail
cd "$(dirname "$0")/../../.."
requests=${1:-300}
work=target/bench-dashboard
mkdir -p "$work"
db=smartcity_bench_dashboard
export STUB_PORT=8199

./mvnw -q -B package -DskipTests -Dspotless.check.skip=true
psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE IF EXISTS $db WITH (FORCE)" -c "CREATE DATABASE $db"

openssl genrsa -out "$work/key.pem" 2048 2>/dev/null
(cd "$work" && exec python3 ../../src/test/bench/oidc_stub.py) &
stub=$!
PORT=8085 DB_URL="jdbc:postgresql://127.0.0.1:5432/$db" DB_USER=postgres \
  OIDC_AUTH_SERVER_URL="http://127.0.0.1:$STUB_PORT/realms/smartcity" \
  java -Xmx256m -jar target/quarkus-app/quarkus-run.jar > "$work/api.log" 2>&1 &
api=$!
trap 'kill $api $stub 2>/dev/null || true' EXIT
for _ in $(seq 1 60); do curl -fs localhost:8085/q/health/ready > /dev/null && break; sleep 1; done

psql -h 127.0.0.1 -U postgres -d $db -q <<'SQL'
INSERT INTO region (code, name, type, province) VALUES ('99.01', 'Kabupaten Tolok Ukur', 'KABUPATEN', 'Jawa Tengah');
INSERT INTO quick_win (id, region_code, title, dimension_code, planned_budget, funding_source, target_year, status,
                       search_text, created_at, updated_at)
SELECT gen_random_uuid(), '99.01', 'Program ' || g,
       (ARRAY['GOVERNANCE','BRANDING','ECONOMY','LIVING','SOCIETY','ENVIRONMENT'])[1 + g % 6],
       (g % 100) * 1000000, 'APBD', 2025,
       (ARRAY['PROPOSED','APPROVED','IN_PROGRESS','ON_HOLD','COMPLETED','CANCELLED'])[1 + (g / 6) % 6],
       'program ' || g, now(), now()
FROM generate_series(1, 5000) g;
INSERT INTO milestone (id, quick_win_id, title, weight, due_date, done, done_date, created_at, updated_at)
SELECT gen_random_uuid(), q.id, 'Tahap ' || m, 1 + m % 3, date '2025-01-01' + m * 30, m % 2 = 0,
       CASE WHEN m % 2 = 0 THEN date '2025-01-01' + m * 30 END, now(), now()
FROM quick_win q CROSS JOIN generate_series(1, 10) m WHERE q.region_code = '99.01';
INSERT INTO progress_report (id, quick_win_id, report_date, percent, budget_realised, created_at)
SELECT gen_random_uuid(), q.id, date '2025-01-01' + r * 90, 10 * r, 1000000, now()
FROM quick_win q CROSS JOIN generate_series(1, 2) r WHERE q.region_code = '99.01';
SQL
# Steady state: autovacuum has set the visibility map, so index-only scans skip the heap.
psql -h 127.0.0.1 -U postgres -d $db -qc "VACUUM ANALYZE"

token=$(cd "$work" && ../../src/test/bench/token.sh key.pem bench.viewer viewer '["99.01"]')
url=localhost:8085/api/v1/regions/99.01/dashboard
curl -fs -H "Authorization: Bearer $token" "$url" > "$work/dashboard.json"
for _ in $(seq 1 50); do curl -fs -o /dev/null -H "Authorization: Bearer $token" "$url"; done
for _ in $(seq 1 "$requests"); do
  curl -fs -o /dev/null -w '%{time_total}\n' -H "Authorization: Bearer $token" "$url"
done | sort -n > "$work/times.txt"
median=$(awk '{a[NR]=$1} END {print a[int((NR+1)/2)] * 1000}' "$work/times.txt")
p95=$(awk '{a[NR]=$1} END {print a[int(NR*0.95)] * 1000}' "$work/times.txt")
echo "dashboard of 5,000 quick wins / 50,000 milestones / 10,000 reports: $requests requests, median ${median} ms, p95 ${p95} ms"
echo "quick wins counted: $(python3 -c "import json; d=json.load(open('$work/dashboard.json')); print(sum(sum(x['quickWinsByStatus'].values()) for x in d['dimensions']))")"
