#!/usr/bin/env bash
# No webhook event is lost to a crash: the packaged jar (H2 file) queues 30 article.published events for
# a slow receiver, is killed with SIGKILL while it is delivering them, and is started again; every event
# must then reach the receiver (at least once: an attempt cut off by the kill may arrive twice, under the
# same webhook-id). Needs java and python3 (standard library only). .ci/run runs it after the H2 suite.
#
#   scripts/webhook-restart-test.sh
set -euo pipefail
cd "$(dirname "$0")/.."
jar="$PWD/target/quarkus-app/quarkus-run.jar"
[[ -f "$jar" ]] || ./mvnw -B -q package -DskipTests
work="$(mktemp -d)"
trap 'kill -9 "$(cat "$work/pid" 2>/dev/null)" 2>/dev/null || true; rm -rf "$work"' EXIT

python3 - "$jar" "$work" <<'PY'
import http.server, json, os, secrets, signal, sys, threading, time, urllib.error, urllib.request
sys.path.insert(0, "scripts")
from packaged_jar import PackagedJar, free_port

jar, work = sys.argv[1], sys.argv[2]
EVENTS = 30
TOKEN = "restart-" + secrets.token_hex(16)

hook_port = free_port()
dateline = PackagedJar(jar, work, TOKEN, DATELINE_RATE_LIMIT_MANAGE="0", DATELINE_WEBHOOKS_ALLOWED_HOSTS="127.0.0.1",
                       DATELINE_WEBHOOKS_EVERY="1s")
base, start = dateline.base, dateline.start
received, lock = [], threading.Lock()

class Receiver(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        time.sleep(0.3)  # a slow receiver: the kill comes while deliveries are under way
        with lock:
            received.append((self.headers["webhook-id"], body["type"], body["data"].get("id")))
        self.send_response(204)
        self.end_headers()
    def log_message(self, *args):
        pass

server = http.server.ThreadingHTTPServer(("127.0.0.1", hook_port), Receiver)
threading.Thread(target=server.serve_forever, daemon=True).start()

def call(method, path, body=None):
    req = urllib.request.Request(base + path, data=None if body is None else json.dumps(body).encode(), method=method,
                                 headers={"Content-Type": "application/json", "Authorization": "Bearer " + TOKEN})
    with urllib.request.urlopen(req, timeout=10) as r:
        return json.loads(r.read() or b"null")

proc = start()
call("POST", "/api/v1/manage/webhooks", {"url": f"http://127.0.0.1:{hook_port}/hook", "events": ["article.published"]})
published = set()
for i in range(EVENTS):
    article = call("POST", "/api/v1/manage/articles", {"title": f"Restart {i} {secrets.token_hex(4)}"})
    call("POST", f"/api/v1/manage/articles/{article['id']}/publish")
    published.add(article["id"])
deadline = time.time() + 60
while time.time() < deadline:
    with lock:
        if len(received) >= 5:
            break
    time.sleep(0.05)
proc.send_signal(signal.SIGKILL)
proc.wait()
with lock:
    before = len(received)
if before >= EVENTS:
    sys.exit(f"all {before} events were delivered before the kill: nothing was pending, the test proves nothing")

proc = start()
deadline = time.time() + 150  # a delivery leased by the killed process is sent again when its lease ends
while time.time() < deadline:
    with lock:
        if {r[2] for r in received} >= published:
            break
    time.sleep(0.5)
proc.send_signal(signal.SIGTERM)
proc.wait()
with lock:
    got = {r[2] for r in received if r[1] == "article.published"}
    ids = [r[0] for r in received]
missing = published - got
print(f"{before} of {EVENTS} events delivered before SIGKILL, {len(received) - before} after the restart;"
      f" {len(ids) - len(set(ids))} sent twice under the same webhook-id")
if missing:
    sys.exit(f"FAILED: {len(missing)} published articles never announced: {sorted(missing)[:5]}")
print("OK: no webhook event was lost to the crash")
PY
