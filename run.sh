#!/usr/bin/env bash
# The README's run command: PostgreSQL (the configured one, else an embedded one with its data in
# .local/postgres), Keycloak 26.7.3 with the smartcity realm and demo users on 8180, and the API with
# the Purbalingga demo data on 8080. Needs a JDK 17 or later; runs on Java 25 when it finds one
# (JAVA_HOME if it is 25, else /usr/lib/jvm/*25*), and says which. Ctrl-C stops everything it started.
#
#   ./run.sh                      # DB_URL, DB_USER, DB_PASSWORD, PORT, KEYCLOAK_PORT, CORS_ORIGINS
#                                 # and SMARTCITY_CACHE (where Keycloak is unpacked) are honoured
#   ./run.sh --build              # build even when nothing changed since the last build
#
# The build (./mvnw -Plocal package) is skipped when no file under src/ or .mvn/, nor pom.xml, is
# newer than the stamp of the last successful build (target/.run-build-stamp) and what it made is
# still there. Its full output goes to .local/logs/build.log; the terminal shows its steps.
set -euo pipefail
cd "$(dirname "$0")"

# The feature release of a java command (25 for "25.0.3"), or nothing when it does not run.
java_release() {
  "$1" -version 2>&1 | awk -F'"' '/ version "/ { split($2, v, "."); print (v[1] == "1" ? v[2] : v[1]); exit }'
}

# Java 25, the runtime of record, when there is one: JAVA_HOME if it is 25 or later, else the first
# /usr/lib/jvm/*25*; otherwise JAVA_HOME's java, else the java on the PATH (17 at least).
pick_java() {
  local candidate
  for candidate in ${JAVA_HOME:+"$JAVA_HOME/bin/java"} /usr/lib/jvm/*25*/bin/java; do
    if [ -x "$candidate" ] && [ "$(java_release "$candidate")" -ge 25 ] 2>/dev/null; then
      echo "$candidate"
      return
    fi
  done
  echo "${JAVA_HOME:+$JAVA_HOME/bin/}java"
}

JAVA=$(pick_java)
java_version=$(java_release "$JAVA")
if [ -z "$java_version" ] || [ "$java_version" -lt 17 ]; then
  echo "[run] a JDK 17 or later is needed; found: ${java_version:-none} ($JAVA)" >&2
  exit 1
fi
case "$JAVA" in
  */bin/java) export JAVA_HOME="${JAVA%/bin/java}" ;; # the build runs on the same JDK
esac
echo "[run] Java $java_version: $("$JAVA" -version 2>&1 | sed -n 2p) ($(command -v "$JAVA"))"
CACHE="${SMARTCITY_CACHE:-$HOME/.cache/smartcity}"
STAMP=target/.run-build-stamp
BUILD_LOG=.local/logs/build.log

force=false
if [ "${1:-}" = "--build" ]; then
  force=true
  shift
fi

# Why a build is needed, or nothing when the last one is still good.
build_reason() {
  if $force; then echo "--build"; return; fi
  [ -f "$STAMP" ] || { echo "no successful build yet"; return; }
  local made
  for made in target/quarkus-app/quarkus-run.jar target/local-stack.classpath \
      target/test-classes/id/smartcity/stack/LocalStack.class "$CACHE/keycloak-26.7.3/bin/kc.sh"; do
    [ -e "$made" ] || { echo "$made is missing"; return; }
  done
  local changed
  changed=$(find src .mvn pom.xml -newer "$STAMP" -type f -print -quit 2>/dev/null || true)
  [ -z "$changed" ] || echo "$changed changed"
}

reason=$(build_reason)
if [ -z "$reason" ]; then
  echo "[run] nothing changed since the last build, skipping it (./run.sh --build builds anyway)"
else
  if [ ! -d "$CACHE/keycloak-26.7.3" ]; then
    echo "[run] first run on this machine: Maven fetches the build dependencies and Keycloak 26.7.3 (about 400 MB)"
  fi
  echo "[run] building the API (./mvnw -Plocal package: $reason); full output in $BUILD_LOG"
  mkdir -p "$(dirname "$BUILD_LOG")" target
  rm -f "$STAMP"
  touch "$STAMP.new" # before the build: a file saved while it runs is newer, so built next time
  started=$SECONDS
  # Each plugin step as it starts, errors, and the result; the rest only in the log.
  if ! ./mvnw -B --no-transfer-progress -Plocal package -Dsmartcity.cache="$CACHE" 2>&1 | tee "$BUILD_LOG" \
      | awk '/^\[INFO\] --- /      { sub(/^\[INFO\] --- /, ""); sub(/ @ .*/, ""); sub(/:[0-9][^:]*:/, ":"); print "[run]   " $0; fflush(); next }
             /^\[(ERROR|FATAL)\]/  { print; fflush(); next }
             /BUILD (SUCCESS|FAILURE)/ { sub(/^\[[A-Z]+\] /, ""); print "[run]   " $0; fflush() }'; then
    echo "[run] the build failed; the end of $BUILD_LOG:" >&2
    tail -n 30 "$BUILD_LOG" >&2
    exit 1
  fi
  mv "$STAMP.new" "$STAMP"
  echo "[run] built in $((SECONDS - started)) s"
fi

exec "$JAVA" -Xmx128m -Djava.util.logging.manager=org.jboss.logmanager.LogManager \
  -Dsmartcity.project="$PWD" \
  -Dsmartcity.keycloak.home="$CACHE/keycloak-26.7.3" \
  -cp "target/test-classes:$(cat target/local-stack.classpath)" \
  id.smartcity.stack.LocalStack "$@"
