#!/usr/bin/env bash
# The README's run command: PostgreSQL (the configured one, else an embedded one with its data in
# .local/postgres), Keycloak 26.7.3 with the smartcity realm and demo users on 8180, and the API with
# the Purbalingga demo data on 8080. Needs only a JDK 17. Ctrl-C stops everything it started.
#
#   ./run.sh                      # DB_URL, DB_USER, DB_PASSWORD, PORT, KEYCLOAK_PORT, CORS_ORIGINS
#                                 # and SMARTCITY_CACHE (where Keycloak is unpacked) are honoured
set -euo pipefail
cd "$(dirname "$0")"

JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
CACHE="${SMARTCITY_CACHE:-$HOME/.cache/smartcity}"

if [ ! -d "$CACHE/keycloak-26.7.3" ]; then
  echo "[run] first run on this machine: Maven fetches the build dependencies and Keycloak 26.7.3 (about 400 MB)"
fi
echo "[run] building the API (./mvnw package)…"
./mvnw -B -q -Plocal package -Dsmartcity.cache="$CACHE"

exec "$JAVA" -Xmx128m -Djava.util.logging.manager=org.jboss.logmanager.LogManager \
  -Dsmartcity.project="$PWD" \
  -Dsmartcity.keycloak.home="$CACHE/keycloak-26.7.3" \
  -cp "target/test-classes:$(cat target/local-stack.classpath)" \
  id.smartcity.stack.LocalStack "$@"
