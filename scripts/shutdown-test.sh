#!/usr/bin/env bash
# Graceful shutdown of the packaged jar: an import still streaming its body when SIGTERM arrives is
# finished and answered, a request that arrives after SIGTERM gets 503, the process then exits on its
# own, and after a restart everything the finished import reported is stored.
# Needs java and python3 (standard library only); builds target/quarkus-app when it is missing.
#
#   scripts/shutdown-test.sh
set -euo pipefail
cd "$(dirname "$0")/.."

jar="$PWD/target/quarkus-app/quarkus-run.jar"
if [[ ! -f "$jar" ]]; then
  ./mvnw -B -q package -DskipTests
fi
work="$(mktemp -d)"
trap 'kill -9 "$(cat "$work/pid" 2>/dev/null)" 2>/dev/null || true; rm -rf "$work"' EXIT

python3 - "$jar" "$work" <<'PY'
import json, os, secrets, signal, socket, subprocess, sys, time, urllib.error, urllib.request
sys.path.insert(0, "scripts")
from packaged_jar import PackagedJar

jar, work = sys.argv[1], sys.argv[2]
TOKEN = "shutdown-" + secrets.token_hex(16)
LINES = 6

dateline = PackagedJar(jar, work, TOKEN)
base, port, start = dateline.base, dateline.port, dateline.start

def status_of(path):
    req = urllib.request.Request(base + path, headers={"Authorization": "Bearer " + TOKEN})
    try:
        with urllib.request.urlopen(req, timeout=10) as r:
            return r.status, json.loads(r.read())
    except urllib.error.HTTPError as e:
        return e.code, None

def chunk(data):
    return b"%x\r\n%s\r\n" % (len(data), data)

def line(i):
    return (json.dumps({"externalId": f"shutdown:{i}", "title": f"Filed during shutdown {i}",
                        "body": f"<p>Line {i}</p>", "section": "shutdown-desk"}) + "\n").encode()

proc = start()
# An import whose body trickles in: the request is in flight for a few seconds.
upload = socket.create_connection(("127.0.0.1", port), timeout=60)
upload.sendall(("POST /api/v1/manage/import?createMissing=true HTTP/1.1\r\nHost: localhost\r\n"
                f"Authorization: Bearer {TOKEN}\r\nContent-Type: application/x-ndjson\r\n"
                "Transfer-Encoding: chunked\r\n\r\n").encode())
upload.sendall(chunk(line(1)))
time.sleep(1)
os.kill(proc.pid, signal.SIGTERM)
time.sleep(1)

failures = []
try:
    urllib.request.urlopen(base + "/api/v1/headlines", timeout=10)
    late = 200
except urllib.error.HTTPError as e:
    late = e.code
    if e.headers.get("Content-Type") != "application/problem+json" or not e.headers.get("Retry-After"):
        failures.append(f"the 503 came without problem+json or Retry-After: {dict(e.headers)}")
except (urllib.error.URLError, ConnectionError) as e:
    late = f"no answer ({e})"
if late != 503:
    failures.append(f"a request after SIGTERM answered {late}, not 503")
if proc.poll() is not None:
    failures.append("the process exited while a request was still in flight")

for i in range(2, LINES + 1):
    upload.sendall(chunk(line(i)))
    time.sleep(0.3)
upload.sendall(b"0\r\n\r\n")
answer = b""
while True:
    head, sep, body = answer.partition(b"\r\n\r\n")
    if sep:
        length = [int(h.split(b":")[1]) for h in head.split(b"\r\n") if h.lower().startswith(b"content-length:")]
        if (length and len(body) >= length[0]) or body.endswith(b"0\r\n\r\n"):
            break
    part = upload.recv(65536)
    if not part:
        break
    answer += part
upload.close()
status_line = head.split(b"\r\n")[0].decode()
print(f"in-flight import after SIGTERM: {status_line}")
if " 200 " not in status_line + " ":
    failures.append(f"the in-flight import answered {status_line!r}")
else:
    if b"transfer-encoding: chunked" in head.lower():
        body = b"".join(body.split(b"\r\n")[1::2])
    report = json.loads(body)
    if report.get("created") != LINES:
        failures.append(f"the in-flight import reported {report.get('created')} created, not {LINES}")

try:
    proc.wait(40)
    print(f"exited with {proc.returncode} after the in-flight request finished")
except subprocess.TimeoutExpired:
    failures.append("the process did not exit within the shutdown timeout")
    proc.kill()
    proc.wait()

proc = start()
status, page = status_of("/api/v1/manage/articles?limit=100")
stored = sorted(i["title"] for i in (page or {}).get("items", []))
if stored != sorted(f"Filed during shutdown {i}" for i in range(1, LINES + 1)):
    failures.append(f"after the restart the store holds {stored}")
proc.terminate()
proc.wait()
if failures:
    print("\n".join(failures))
    print(open(os.path.join(work, "dateline.log")).read()[-3000:])
    sys.exit("FAILED: graceful shutdown")
print(f"OK: the in-flight import finished ({LINES} lines stored), a new request got 503 problem+json, the process exited")
PY
