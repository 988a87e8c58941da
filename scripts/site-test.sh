#!/usr/bin/env bash
# The reference site (examples/site) in a real headless Chromium against the packaged jar with the demo
# content: npm ci for the TypeScript client and the site from their committed lockfiles, tsc --strict on the
# site, then its node:test suite, which starts the jar (fresh H2 in a temp dir) and the site, and drives
# Debian's /usr/bin/chromium with playwright-core (which downloads no browser). Screenshots land in
# examples/site/test-results/. Builds the jar only when it is missing; installs chromium when it is missing
# (apt-get, as root). Needs java 17+ and Node 20+ with npm.
#
#   scripts/site-test.sh
set -euo pipefail
cd "$(dirname "$0")/.."
jar="$PWD/target/quarkus-app/quarkus-run.jar"
[[ -f "$jar" ]] || ./mvnw -B -q package -DskipTests

chromium="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [[ ! -x "$chromium" ]]; then
  apt-get update -q
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium chromium-driver
fi

export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
(cd clients/typescript && npm ci --no-audit --no-fund --loglevel=error)
cd examples/site
npm ci --no-audit --no-fund --loglevel=error
npm run check
DATELINE_JAR="$jar" CHROMIUM_PATH="$chromium" npm test
