#!/usr/bin/env bash
# Renditions per second and memory per rendition from a 24-megapixel JPEG, as the server makes them on a
# first request (src/test/java/dateline/media/RenditionBenchmark.java):   bench/renditions.sh [seconds=8]
# One thread: the server makes at most dateline.media.renderers (2) at once. Results: docs/performance.md.
set -euo pipefail
cd "$(dirname "$0")/.."
SECS=${1:-8}
./mvnw -B -q test-compile -o 2>/dev/null || ./mvnw -B -q test-compile
CP=$(./mvnw -B -q -o dependency:build-classpath -Dmdep.outputFile=/dev/stdout -Dmdep.includeScope=test 2>/dev/null \
  || ./mvnw -B -q dependency:build-classpath -Dmdep.outputFile=/dev/stdout -Dmdep.includeScope=test)
java -Xmx1g -cp "target/test-classes:target/classes:$CP" dateline.media.RenditionBenchmark "$SECS"
