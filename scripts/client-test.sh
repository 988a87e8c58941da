#!/usr/bin/env bash
# The TypeScript client (clients/typescript) against a live Dateline: npm ci from the committed lockfile,
# npm run check (schema.d.ts regenerated from openapi/openapi.yaml must equal the committed one; tsc --strict),
# then the vitest suite, which starts the packaged jar on a fresh H2 in a temp directory and stops it after.
# Builds the jar only when it is missing. Needs java 17+ and Node 20+ with npm.
#
#   scripts/client-test.sh
set -euo pipefail
cd "$(dirname "$0")/.."
jar="$PWD/target/quarkus-app/quarkus-run.jar"
[[ -f "$jar" ]] || ./mvnw -B -q package -DskipTests

cd clients/typescript
npm ci --no-audit --no-fund --loglevel=error
npm run check
DATELINE_JAR="$jar" npm test
