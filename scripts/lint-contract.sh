#!/usr/bin/env bash
# Lints the committed contract (openapi/openapi.yaml and .json) with Spectral's OpenAPI rules
# (scripts/spectral.yaml); any warning or error fails. Installs Spectral from npm on first use.
set -euo pipefail
cd "$(dirname "$0")/.."

SPECTRAL_VERSION=6.16.3
TOOLS="${DATELINE_TOOLS_DIR:-${HOME}/.cache/dateline-tools}/spectral-${SPECTRAL_VERSION}"
if [ ! -x "$TOOLS/node_modules/.bin/spectral" ]; then
  echo "Installing @stoplight/spectral-cli@${SPECTRAL_VERSION} into $TOOLS"
  mkdir -p "$TOOLS"
  npm install --prefix "$TOOLS" --no-audit --no-fund --loglevel=error "@stoplight/spectral-cli@${SPECTRAL_VERSION}" >/dev/null
fi
"$TOOLS/node_modules/.bin/spectral" lint --ruleset scripts/spectral.yaml --fail-severity=warn \
  openapi/openapi.yaml openapi/openapi.json
