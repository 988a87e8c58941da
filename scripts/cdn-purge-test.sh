#!/usr/bin/env bash
# Varnish in front of the packaged jar, purged through Dateline's outbox: reads through Varnish are
# cached (the second is a Varnish HIT), an edit made through the management API shows through Varnish
# within 2 s (the purge of its keys reached Varnish), unrelated cached URLs stay HITs, a PURGE from an
# address outside the VCL's ACL is refused, and management, Quarkus' and authenticated requests are never
# cached. Builds nothing: run ./mvnw -B package -DskipTests (or the verify run) first. Installs Varnish 7
# and varnish-modules from Debian when missing (scripts/varnish.sh). Needs java, python3, curl.
#
#   scripts/cdn-purge-test.sh
set -euo pipefail
cd "$(dirname "$0")/.."
jar="$PWD/target/quarkus-app/quarkus-run.jar"
[[ -f "$jar" ]] || { echo "No $jar: run ./mvnw -B package -DskipTests first" >&2; exit 1; }
scripts/varnish.sh install
work="$(mktemp -d)"
cleanup() {
    local status=$?
    if [[ $status -ne 0 && -f "$work/dateline.log" ]]; then
        echo "--- the last lines of Dateline's log"
        tail -n 60 "$work/dateline.log"
    fi
    scripts/varnish.sh stop --workdir "$work/varnish" || true
    scripts/varnish.sh stop --workdir "$work/varnish-closed" || true
    kill -9 "$(cat "$work/pid" 2>/dev/null)" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

python3 - "$jar" "$work" <<'PY'
import json, re, secrets, subprocess, sys, time, urllib.error, urllib.request
sys.path.insert(0, "scripts")
from packaged_jar import PackagedJar, free_port

jar, work = sys.argv[1], sys.argv[2]
TOKEN = "cdn-" + secrets.token_hex(16)
varnish_port, closed_port = free_port(), free_port()
dateline = PackagedJar(jar, work, TOKEN, DATELINE_RATE_LIMIT_MANAGE="0", DATELINE_CDN_PURGE="varnish",
                       DATELINE_CDN_VARNISH_URLS=f"http://127.0.0.1:{varnish_port}/")
dateline.start()
varnish = f"http://127.0.0.1:{varnish_port}"
backend = ["--backend", f"127.0.0.1:{dateline.port}"]
subprocess.run(["scripts/varnish.sh", "start", "--port", str(varnish_port), "--workdir", f"{work}/varnish", *backend], check=True)
# A second Varnish whose ACL admits only an address this machine does not have (TEST-NET-1): PURGE from 127.0.0.1 is then "another address".
subprocess.run(["scripts/varnish.sh", "start", "--port", str(closed_port), "--workdir", f"{work}/varnish-closed", *backend,
                "--purger", "192.0.2.1"], check=True)

def request(base, method, path, body=None, headers=None, content_type="application/json"):
    h = dict(headers or {})
    if body is not None:
        h["Content-Type"] = content_type
    req = urllib.request.Request(base + path, data=None if body is None else json.dumps(body).encode(), method=method, headers=h)
    try:
        with urllib.request.urlopen(req, timeout=10) as r:
            return r.status, r.headers, r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.headers, e.read()

def manage(method, path, body=None, headers=None, content_type="application/json"):
    status, headers, data = request(dateline.base, method, path, body, dict(headers or {}, Authorization="Bearer " + TOKEN), content_type)
    assert 200 <= status < 300, (method, path, status, data)
    return headers, json.loads(data or b"null")

def through_varnish(path, **headers):
    status, h, data = request(varnish, "GET", path, headers=headers)
    assert status == 200, (path, status, data)
    return h.get("X-Varnish-Cache"), data.decode()

def check(condition, message):
    if not condition:
        sys.exit("FAILED: " + message)
    print("ok  " + message)

def metric(name, labels=""):
    try:
        metrics = request(dateline.base, "GET", "/q/metrics")[2].decode()
    except (urllib.error.URLError, ConnectionError) as e:
        # Only ever polled: a connection dropped once is asked again; a server that is gone fails the wait.
        print(f"(metrics not read: {e!r})")
        return None
    match = re.search(rf"^{name}(?:\{{[^}}]*{re.escape(labels)}[^}}]*\}})? ([0-9.eE+-]+)$", metrics, re.M)
    return float(match.group(1)) if match else None

def wait_for_outbox():
    """Until the set-up's purges are sent: some were, none waits, and no more go out for over a dispatcher interval."""
    deadline, settled = time.time() + 15, None
    while time.time() < deadline:
        state = (metric("dateline_cdn_purge_pending"), metric("dateline_cdn_purge_requests_total", 'outcome="sent"'))
        if state[0] == 0 and (state[1] or 0) > 0:
            if settled and settled[0] == state and time.time() - settled[1] > 1.5:
                return
            if not settled or settled[0] != state:
                settled = (state, time.time())
        else:
            settled = None
        time.sleep(0.1)
    sys.exit("FAILED: the set-up's purges were not all sent within 15 s")

suffix = secrets.token_hex(4)
for slug in (f"world-{suffix}", f"sport-{suffix}"):
    manage("POST", "/api/v1/manage/sections", {"slug": slug, "name": slug})
edited = manage("POST", "/api/v1/manage/articles", {"title": f"Before {suffix}", "section": f"world-{suffix}"})[1]
other = manage("POST", "/api/v1/manage/articles", {"title": f"Unrelated {suffix}", "section": f"sport-{suffix}"})[1]
for article in (edited, other):
    manage("POST", f"/api/v1/manage/articles/{article['id']}/publish", {})
wait_for_outbox()  # the set-up's own purges are sent before anything is cached

article_path, other_path = f"/api/v1/articles/{edited['slug']}", f"/api/v1/articles/{other['slug']}"
unrelated_section = f"/api/v1/sections/sport-{suffix}"  # the list /sections names every section: the edit purges it
cached = [article_path, "/api/v1/headlines", other_path, unrelated_section]
for path in cached:
    first, _ = through_varnish(path)
    second, _ = through_varnish(path)
    check(first == "MISS" and second == "HIT", f"{path} is cached by Varnish (MISS, then {second})")

headers, _ = manage("GET", f"/api/v1/manage/articles/{edited['id']}")
manage("PATCH", f"/api/v1/manage/articles/{edited['id']}", {"title": f"After {suffix}"}, {"If-Match": headers["ETag"]},
       "application/merge-patch+json")
changed_at = time.time()
for path in (article_path, "/api/v1/headlines"):
    while f"After {suffix}" not in through_varnish(path)[1]:
        if time.time() - changed_at > 2:
            sys.exit(f"FAILED: {path} still shows the old title through Varnish 2 s after the edit")
        time.sleep(0.05)
    check(True, f"{path} shows the edit through Varnish after {time.time() - changed_at:.2f} s (purged)")
for path in (other_path, unrelated_section):
    check(through_varnish(path)[0] == "HIT", f"{path}, unrelated to the edit, is still a Varnish HIT")

status, _, body = request(varnish, "PURGE", "/", headers={"xkey-purge": f"article-{other['id']}"})
# Its page and the headlines, which list it too.
check(status == 200 and re.match(rb"Purged [1-9]", body), f"a PURGE from an address in the ACL is done ({status} {body.strip().decode()})")
check(through_varnish(other_path)[0] == "MISS", "the purged key's page is fetched again")
status, _, _ = request(f"http://127.0.0.1:{closed_port}", "PURGE", "/", headers={"xkey-purge": "dateline"})
check(status == 403, f"a PURGE from an address outside the ACL is refused ({status})")

auth = {"Authorization": "Bearer " + TOKEN}
for path, headers in ((f"/api/v1/manage/articles/{edited['id']}", auth), ("/api/v1/headlines", auth), ("/q/health/ready", {})):
    results = [through_varnish(path, **headers)[0] for _ in range(2)]
    check(results == ["PASS", "PASS"], f"{path}{' with Authorization' if headers else ''} is never cached ({results})")
print("CDN purge test passed")
PY
