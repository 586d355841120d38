#!/usr/bin/env bash
# Lints openapi/openapi.yaml with Spectral (spectral:oas + the OWASP API Security ruleset), with
# the rules and waivers of .spectral.yaml. Exits non-zero on any error-severity finding.
# Run by `./mvnw verify` (phase verify); alone: `openapi/lint/run.sh [contract.yaml]`.
# Installs the pinned tools (package-lock.json) into node_modules/ on first use and whenever the
# lock file changes; needs Node.js 18.18+ and npm.
set -euo pipefail
cd "$(dirname "$0")"
contract="${1:-../openapi.yaml}"

if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  echo "[spectral] Node.js and npm are needed for the contract lint (or skip it: -Dspectral.skip)" >&2
  exit 2
fi
stamp=node_modules/.installed-package-lock.json
if ! cmp -s package-lock.json "$stamp"; then
  echo "[spectral] installing the pinned Spectral (npm ci)"
  # No install scripts: the tools need none, and one dependency's only script is usage telemetry.
  npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
  cp package-lock.json "$stamp"
fi
node_modules/.bin/spectral lint --ruleset .spectral.yaml --fail-severity error "$contract"
