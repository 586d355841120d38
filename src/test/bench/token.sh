#!/usr/bin/env bash
# token.sh KEYFILE USERNAME ROLE [REGIONS_JSON]: an RS256 access token for the stub provider (STUB_PORT),
# valid for TOKEN_TTL seconds (default 600).
key=$1; user=$2; role=$3; regions=${4:-null}
b64() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }
now=$(date +%s)
header=$(printf '{"alg":"RS256","typ":"JWT","kid":"trial"}' | b64)
claims="{\"iss\":\"http://127.0.0.1:${STUB_PORT:-8199}/realms/smartcity\",\"sub\":\"$user-sub\",\"preferred_username\":\"$user\",\"azp\":\"curl\",\"aud\":\"smartcity-api\",\"iat\":$now,\"exp\":$((now+${TOKEN_TTL:-600})),\"realm_access\":{\"roles\":[\"$role\"]}"
[ "$regions" != null ] && claims="$claims,\"region_codes\":$regions"
payload=$(printf '%s}' "$claims" | b64)
sig=$(printf '%s.%s' "$header" "$payload" | openssl dgst -sha256 -sign "$key" -binary | b64)
printf '%s.%s.%s' "$header" "$payload" "$sig"
