#!/usr/bin/env bash
# Audit trail benchmark: write throughput with and without the audit append, and verification
# of a long chain under a 64 MB heap (proof that it streams). Needs PostgreSQL on 127.0.0.1:5432
# (trust auth, user postgres or BENCH_PGUSER); uses and recreates the database smartcity_bench.
#   src/test/bench/audit.sh [seconds-per-cell] [events]
set -euo pipefail
cd "$(dirname "$0")/../../.."
seconds=${1:-10}
events=${2:-1000000}
./mvnw -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
exec java -Xmx64m -Dbench.seconds="$seconds" -Dbench.events="$events" \
  -cp "target/classes:target/test-classes:$(cat target/bench-classpath.txt)" id.smartcity.audit.AuditBenchmark
