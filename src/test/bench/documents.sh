#!/usr/bin/env bash
# Documents benchmark (issue #23): upload and download throughput of a BENCH_SIZE_MB (20) MiB file
# through the packaged API on a BENCH_HEAP (64m) heap, and the heap it used, against the same bytes
# moved by psql alone (\lo_import and \lo_export of a large object: what the database and the disk
# do without the API). Each round uploads one file as a raw body and one as multipart (distinct
# contents, so nothing is de-duplicated), downloads both and checks their SHA-256. The heap in use is
# read from /q/metrics every 0.1 s; the GC log (target/bench-documents/gc.log) has the rest.
# The API (prod profile, serial GC) on BENCH_PORT (8085) behind the stub OpenID provider (STUB_PORT
# 8199). Needs PostgreSQL on 127.0.0.1:5432 (user postgres or BENCH_PGUSER; recreates
# smartcity_bench_documents), psql, python3, openssl, curl.
#   src/test/bench/documents.sh
# Settings: BENCH_ROUNDS (5), BENCH_SIZE_MB (20), BENCH_HEAP (64m), BENCH_BUILD=1 rebuilds,
# BENCH_APP (target/quarkus-app) the packaged application to run.
set -euo pipefail
cd "$(dirname "$0")/../../.."
bench=$PWD/src/test/bench
work=$PWD/target/bench-documents
db=smartcity_bench_documents
port=${BENCH_PORT:-8085}
export STUB_PORT=${STUB_PORT:-8199}
app=${BENCH_APP:-target/quarkus-app}
rounds=${BENCH_ROUNDS:-5}
size_mb=${BENCH_SIZE_MB:-20}
heap=${BENCH_HEAP:-64m}
region=99.03
pgopts=(-h 127.0.0.1 -U "${BENCH_PGUSER:-postgres}")
psqlq() { psql "${pgopts[@]}" -d "$db" -v ON_ERROR_STOP=1 -qAt "$@"; }

if [ ! -f "$app/quarkus-run.jar" ] || [ -n "${BENCH_BUILD:-}" ]; then
  ./mvnw -B -q package -DskipTests -Dspotless.check.skip=true
fi
rm -rf "$work"
mkdir -p "$work"

api_pid= stub_pid= sampler_pid=
cleanup() {
  for p in $sampler_pid $api_pid $stub_pid; do kill "$p" 2> /dev/null || true; done
  wait 2> /dev/null || true
}
trap cleanup EXIT

psql "${pgopts[@]}" -qc "DROP DATABASE IF EXISTS $db WITH (FORCE)" -c "CREATE DATABASE $db"
openssl genrsa -out "$work/key.pem" 2048 2> /dev/null
(cd "$work" && exec python3 "$bench/oidc_stub.py") &
stub_pid=$!
PORT=$port DB_URL="jdbc:postgresql://127.0.0.1:5432/$db" DB_USER="${BENCH_PGUSER:-postgres}" \
  OIDC_AUTH_SERVER_URL="http://127.0.0.1:$STUB_PORT/realms/smartcity" \
  RATE_LIMIT_PER_MINUTE=100000000 MALLOC_ARENA_MAX=2 \
  java -Xms"$heap" -Xmx"$heap" -XX:+UseSerialGC -XX:+ExitOnOutOfMemoryError -Xlog:gc:file="$work/gc.log" \
  -jar "$app/quarkus-run.jar" > "$work/api.log" 2>&1 &
api_pid=$!
for _ in $(seq 1 120); do
  curl -fs -o /dev/null "localhost:$port/q/health/ready" && break
  kill -0 $api_pid 2> /dev/null || { cat "$work/api.log"; exit 1; }
  sleep 1
done
psqlq -c "INSERT INTO region (code, name, type, province) VALUES ('$region', 'Kabupaten Berkas', 'KABUPATEN', 'Jawa Tengah')"
token=$(cd "$work" && TOKEN_TTL=86400 "$bench/token.sh" key.pem bench.coordinator coordinator "[\"$region\"]")
auth=(-H "Authorization: Bearer $token")
documents=localhost:$port/api/v1/regions/$region/documents

bytes=$((size_mb * 1048576))
make_pdf() { # file: a PDF signature, random bytes, the trailer; BENCH_SIZE_MB MiB in all
  { printf '%%PDF-1.7\n'; head -c $((bytes - 16)) /dev/urandom; printf '\n%%%%EOF\n'; } > "$1"
}
sha() { sha256sum "$1" | cut -d' ' -f1; }
id_of() { python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["id"])' "$1"; }
heap_sampler() {
  while :; do
    curl -fs "localhost:$port/q/metrics" | awk '/^jvm_memory_used_bytes\{.*area="heap"/ { s += $NF } END { printf "%d\n", s }'
    sleep 0.1
  done
}

# Warm-up: one small upload and download of each form, so the first measured round is not the JIT's.
make_pdf "$work/warm.pdf"
curl -fs -o /dev/null "${auth[@]}" -H 'Expect:' -H 'Content-Type: application/pdf' \
  -H 'Content-Disposition: attachment; filename="warm.pdf"' -T "$work/warm.pdf" -X POST \
  "$documents?title=Warm&kind=REPORT"

heap_sampler > "$work/heap.txt" &
sampler_pid=$!
: > "$work/api.txt"
: > "$work/psql.txt"
for i in $(seq 1 "$rounds"); do
  for form in raw multipart; do
    f=$work/$form-$i.pdf
    make_pdf "$f"
    if [ $form = raw ]; then
      up=$(curl -fs -o "$work/up.json" -w '%{time_total}' "${auth[@]}" -H 'Expect:' -H 'Content-Type: application/pdf' \
        -H "Content-Disposition: attachment; filename=\"$form-$i.pdf\"" -T "$f" -X POST "$documents?title=Bench+$i&kind=REPORT")
    else
      up=$(curl -fs -o "$work/up.json" -w '%{time_total}' "${auth[@]}" -H 'Expect:' \
        -F "file=@$f;type=application/pdf" -F "title=Bench $i" -F kind=REPORT "$documents")
    fi
    id=$(id_of "$work/up.json")
    down=$(curl -fs -o "$work/back.pdf" -w '%{time_total}' "${auth[@]}" "$documents/$id/content")
    [ "$(sha "$work/back.pdf")" = "$(sha "$f")" ] || { echo "round $i $form: the download differs from the upload"; exit 1; }
    echo "$form $up $down" >> "$work/api.txt"
    # The same bytes through psql alone: a large object written from and read to a client file.
    t0=$(date +%s%N)
    oid=$(psqlq -c "\\lo_import '$f'" -c '\echo :LASTOID' | tail -1)
    t1=$(date +%s%N)
    psqlq -c "\\lo_export $oid '$work/back.pdf'" > /dev/null
    t2=$(date +%s%N)
    psqlq -c "SELECT lo_unlink($oid)" > /dev/null
    echo "$(((t1 - t0) / 1000))e-6 $(((t2 - t1) / 1000))e-6" >> "$work/psql.txt"
    rm -f "$f" "$work/back.pdf"
  done
done
kill $sampler_pid 2> /dev/null || true
sampler_pid=
kill -0 $api_pid 2> /dev/null || { echo "the API died:"; tail -20 "$work/api.log"; exit 1; }

python3 - "$work" "$size_mb" "$heap" "$rounds" << 'EOF'
import re, statistics, sys
work, size, heap, rounds = sys.argv[1], float(sys.argv[2]), sys.argv[3], sys.argv[4]
api = [l.split() for l in open(f"{work}/api.txt")]
pg = [[float(x) for x in l.split()] for l in open(f"{work}/psql.txt")]
def rate(seconds): return size / statistics.median(seconds)
rows = []
for form in ("raw", "multipart"):
    ups = [float(u) for f, u, d in api if f == form]
    downs = [float(d) for f, u, d in api if f == form]
    rows.append((form, rate(ups), rate(downs)))
pg_up, pg_down = rate([u for u, d in pg]), rate([d for u, d in pg])
heap_used = [int(l) for l in open(f"{work}/heap.txt") if l.strip().isdigit() and int(l) > 0]
gc = open(f"{work}/gc.log").read()
after_gc = sorted(int(m) for m in re.findall(r"Pause Young[^\n]*->(\d+)M\(", gc))
full_gcs = len(re.findall(r"Pause Full", gc))
print(f"\n{size:.0f} MiB files, {rounds} rounds each form, API heap {heap} (serial GC); median MiB/s")
print("| | upload MiB/s | download MiB/s | upload ÷ psql | download ÷ psql |")
print("|---|---:|---:|---:|---:|")
for form, up, down in rows:
    print(f"| API, {form} | {up:.1f} | {down:.1f} | {up / pg_up:.2f} | {down / pg_down:.2f} |")
print(f"| psql \\lo_import / \\lo_export | {pg_up:.1f} | {pg_down:.1f} | 1 | 1 |")
if heap_used:
    print(f"heap in use (/q/metrics, {len(heap_used)} samples): peak {max(heap_used) / 2**20:.1f} MiB,"
          f" median {statistics.median(heap_used) / 2**20:.1f} MiB of {heap}")
if after_gc:
    print(f"heap after a young collection (gc.log, {len(after_gc)}): median {statistics.median(after_gc)} MiB,"
          f" 95th percentile {after_gc[int(0.95 * (len(after_gc) - 1))]} MiB; {full_gcs} full collections")
EOF
