#!/usr/bin/env bash
# Several instances behave as one: two Dateline instances on one PostgreSQL database with Varnish in
# front of both, mixed writes through both, readers on each instance and on Varnish; fails if any read
# shows a state more than a second older than an acknowledged write (scripts/scale_test.py says how).
#
#   scripts/scale-test.sh            (SCALE_WRITES=220; SCALE_VARNISH=0 runs without Varnish)
#
# Builds the jar for PostgreSQL (the database kind is fixed at build time), installs Varnish and its
# xkey vmod from Debian when missing (scripts/varnish.sh), uses a schema of its own, dropped afterwards.
set -euo pipefail
cd "$(dirname "$0")/.."

./mvnw -B -q package -DskipTests -Dquarkus.profile=pg
varnish_script=""
if [[ "${SCALE_VARNISH:-1}" == 1 ]]; then
  bash scripts/varnish.sh install
  varnish_script="scripts/varnish.sh"
fi
schema="scale_$$"
work="$(mktemp -d)"
cleanup() {
  kill -9 $(cat "$work/pids" 2>/dev/null) 2>/dev/null || true
  if [[ -n "$varnish_script" ]]; then bash scripts/varnish.sh stop --workdir "$work/varnish" || true; fi
  psql -q -h 127.0.0.1 -U postgres test -c "set client_min_messages = warning; drop schema if exists $schema cascade" || true
  rm -rf "$work"
}
trap cleanup EXIT

python3 scripts/scale_test.py "$PWD/target/quarkus-app/quarkus-run.jar" "$work" "$schema" "$varnish_script"
