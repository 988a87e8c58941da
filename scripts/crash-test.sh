#!/usr/bin/env bash
# Crash safety of the packaged jar on a file database: a burst of creates and replaces from several
# clients, SIGKILL mid-burst, restart, then every acknowledged (2xx) write must be there with its
# acknowledged content, and nothing half-written may be visible. Repeats for several rounds on the same
# database. Needs java and python3 (standard library only).
#
#   scripts/crash-test.sh [rounds] [h2|pg]   (default 3 h2; CRASH_CLIENTS=8, CRASH_KILL_AFTER=3 seconds)
#
# h2: the default H2 file database exactly as shipped; builds target/quarkus-app when it is missing.
# pg: PostgreSQL at 127.0.0.1:5432 in a schema of its own (dropped afterwards); always builds the jar
# for PostgreSQL first, since the database kind is fixed at build time. .ci/run runs both.
# DATELINE_DB_URL, when set, replaces the default H2 URL (relative paths are inside a fresh temporary
# directory): with H2's default write delay (no WRITE_DELAY=0) this script does find acknowledged writes lost.
set -euo pipefail
cd "$(dirname "$0")/.."

rounds="${1:-3}"
db="${2:-h2}"
jar="$PWD/target/quarkus-app/quarkus-run.jar"
schema=""
if [[ "$db" == pg ]]; then
  ./mvnw -B -q package -DskipTests -Dquarkus.profile=pg
  schema="crash_$$"
elif [[ ! -f "$jar" ]]; then
  ./mvnw -B -q package -DskipTests
fi
work="$(mktemp -d)"
cleanup() {
  kill -9 "$(cat "$work/pid" 2>/dev/null)" 2>/dev/null || true
  rm -rf "$work"
  if [[ -n "$schema" ]]; then psql -q -h 127.0.0.1 -U postgres test -c "set client_min_messages = warning; drop schema if exists $schema cascade"; fi
}
trap cleanup EXIT

python3 - "$jar" "$work" "$rounds" "$schema" <<'PY'
import json, os, random, secrets, signal, sys, threading, time, urllib.error, urllib.request
sys.path.insert(0, "scripts")
from packaged_jar import PackagedJar

jar, work, rounds, schema = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
clients = int(os.environ.get("CRASH_CLIENTS", "8"))
kill_after = float(os.environ.get("CRASH_KILL_AFTER", "3"))

TOKEN = "crash-" + secrets.token_hex(16)
# The working directory holds ./data/dateline: the default H2 URL, exactly as shipped. No rate limit on a burst test.
dateline = PackagedJar(jar, work, TOKEN, DATELINE_RATE_LIMIT_MANAGE="0",
                       **({"QUARKUS_PROFILE": "pg", "DATELINE_DB_SCHEMA": schema} if schema else {}))
base = dateline.base
start = dateline.start

def call(method, path, body=None, timeout=10, if_match=None):
    data = None if body is None else json.dumps(body).encode()
    headers = {"Content-Type": "application/json", "Accept": "application/json"}
    if if_match is not None:
        headers["If-Match"] = if_match
    headers["Authorization"] = "Bearer " + TOKEN
    req = urllib.request.Request(base + path, data=data, method=method, headers=headers)
    try:
        with urllib.request.urlopen(req, timeout=timeout) as r:
            return r.status, json.loads(r.read() or b"null")
    except urllib.error.HTTPError as e:
        return e.code, None

def content(token, rev):
    # Title and body name the same revision, so a write seen half-applied is detectable.
    sent_titles.add(f"Crash {token} rev {rev}")
    return {"title": f"Crash {token} rev {rev}", "body": f"<p>{token} revision {rev}</p>",
            "section": "crash-desk", "tags": ["crash-wire"]}

# id -> acknowledged revision content; id -> content of a write sent but not acknowledged
acked, pending, lock = {}, {}, threading.Lock()
create_pending = {}  # token -> content of a create sent but not acknowledged
sent_titles = set()
stop = threading.Event()

def client(n, round_no):
    i = 0
    while not stop.is_set():
        i += 1
        token = f"r{round_no}c{n}n{i}"
        fields = content(token, 0)
        with lock:
            create_pending[token] = fields
        try:
            status, view = call("POST", "/api/v1/manage/articles", fields)
        except Exception:
            return  # the server died: this create is unacknowledged
        if status != 201:
            print(f"unexpected {status} on create"); os._exit(1)
        with lock:
            del create_pending[token]
            acked[view["id"]] = fields
        version = view["version"]
        for rev in range(1, random.randint(1, 3) + 1):
            fields = content(token, rev)
            with lock:
                pending[view["id"]] = fields
            try:
                status, replaced = call("PUT", f"/api/v1/manage/articles/{view['id']}", fields, if_match=f'"{version}"')
            except Exception:
                return  # unacknowledged: either revision may be on disk
            if status != 200:
                print(f"unexpected {status} on replace"); os._exit(1)
            version = replaced["version"]
            with lock:
                del pending[view["id"]]
                acked[view["id"]] = fields

def check():
    failures = []
    for article_id, fields in acked.items():
        status, view = call("GET", f"/api/v1/manage/articles/{article_id}")
        allowed = [fields] + ([pending[article_id]] if article_id in pending else [])
        if status != 200:
            failures.append(f"{article_id}: acknowledged but answers {status}")
            continue
        seen = {"title": view["title"], "body": view["body"]}
        match = [a for a in allowed if seen == {"title": a["title"], "body": a["body"]}]
        if not match:
            failures.append(f"{article_id}: {seen} is not its acknowledged content {fields['title']!r}")
        else:
            acked[article_id] = match[0]  # an in-flight replace that landed is what later rounds expect
        if (view.get("section") or {}).get("slug") != "crash-desk" or [t["slug"] for t in view.get("tags", [])] != ["crash-wire"]:
            failures.append(f"{article_id}: section or tags half-written: {view.get('section')} {view.get('tags')}")
    # Every stored article is one that some client sent, whole: title and body of the same revision.
    cursor, total = None, 0
    while True:
        status, page = call("GET", "/api/v1/manage/articles?limit=100" + (f"&cursor={cursor}" if cursor else ""))
        if status != 200:
            failures.append(f"listing answered {status}"); break
        for item in page["items"]:
            total += 1
            title = item["title"]
            token, rev = title.split(" ")[1], title.split(" ")[-1]
            if title not in sent_titles or item.get("body") != f"<p>{token} revision {rev}</p>":
                failures.append(f"{item['id']}: never sent, or half-written: {title!r} {item.get('body')!r}")
        cursor = page["page"]["next"]
        if not cursor:
            break
    return failures, total

proc = start()
for kind in ("sections", "tags"):
    slug = "crash-desk" if kind == "sections" else "crash-wire"
    call("POST", f"/api/v1/manage/{kind}", {"slug": slug, "name": slug})

for round_no in range(1, rounds + 1):
    stop.clear()
    threads = [threading.Thread(target=client, args=(n, round_no), daemon=True) for n in range(clients)]
    for t in threads:
        t.start()
    time.sleep(kill_after)
    writes = len(acked)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    stop.set()
    for t in threads:
        t.join(15)
    proc = start()
    failures, total = check()
    print(f"round {round_no}: SIGKILL after {kill_after}s with {len(pending) + len(create_pending)} writes in flight; "
          f"{len(acked)} acknowledged articles checked, {total} stored")
    if failures:
        print("\n".join(failures[:20]))
        print(f"FAILED: {len(failures)} acknowledged writes lost or altered")
        sys.exit(1)
    pending.clear(); create_pending.clear()
    if writes == 0:
        sys.exit("FAILED: no write was acknowledged before the kill; nothing was tested")
proc.terminate()
proc.wait()
print(f"OK: every acknowledged write survived {rounds} SIGKILLs on {'PostgreSQL' if schema else 'H2'}")
PY
