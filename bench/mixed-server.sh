# Sourced by bench/soak.sh and bench/cost.sh, so both measure the same server: Dateline on the articles
# `bench/run.sh pg N` loaded, -Xmx512m, rate limits off (every request comes from here), with an admin
# token of the caller's own (Dateline keeps its hash).   start_mixed_server NAME
# Sets PID, kills the server on exit, and returns once it is ready; its log is /tmp/dateline-NAME-server.log.
start_mixed_server() {
  [ -f target/quarkus-app/quarkus-run.jar ] || ./mvnw -B -q package -DskipTests -Dquarkus.profile=pg
  export DATELINE_TOKEN=${DATELINE_TOKEN:-$1-$(head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n')}
  QUARKUS_PROFILE=pg DATELINE_DB_SCHEMA=dateline_bench DATELINE_DEMO_ENABLED=false DATELINE_RATE_LIMIT_DELIVERY=0 \
    DATELINE_RATE_LIMIT_MANAGE=0 DATELINE_ADMIN_TOKEN_HASH=$(printf %s "$DATELINE_TOKEN" | sha256sum | cut -d' ' -f1) \
    java -Xmx512m -jar target/quarkus-app/quarkus-run.jar > "/tmp/dateline-$1-server.log" 2>&1 &
  PID=$!
  trap 'kill $PID 2>/dev/null || true' EXIT
  for _ in $(seq 1 60); do curl -sf "http://localhost:8080/q/health/ready" >/dev/null && break; sleep 1; done
}
