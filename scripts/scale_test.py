"""Two Dateline instances on one PostgreSQL database, Varnish in front of both: every write made through
either instance is seen by every reader within a second, directly on either instance and through Varnish.

Run by scripts/scale-test.sh, which builds the PostgreSQL jar and starts Varnish. Standard library only.

A writer makes mixed writes (edit title, change slug, unpublish, publish, archive, restore, trash,
restore from the trash, schedule, rename the section, create), alternating between the instances, and
keeps the history of what each article should look like after each write. Readers poll the article pages,
/headlines and the section's list on instance A, instance B and Varnish. A read that started more than a
second after a write was acknowledged must not show the state from before that write. Midway, instance
A's listening connection is killed with pg_terminate_backend. Also checked: a scheduled article goes live
on both instances at its instant and is announced once; a cursor minted by one instance pages on the other.
"""
import collections
import http.server
import json
import os
import secrets
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request

sys.path.insert(0, os.path.dirname(__file__))
from packaged_jar import PackagedJar, free_port  # noqa: E402

STALENESS_LIMIT = 1.0
WRITES = int(os.environ.get("SCALE_WRITES", "220"))
ARTICLES = 8
SECTION = "scale-desk"


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Client:
    def __init__(self, base, token=None):
        self.base, self.token = base, token

    def call(self, method, path, body=None, headers=None, timeout=10):
        h = {"Accept": "application/json"}
        if body is not None:
            h["Content-Type"] = "application/json"
        if self.token:
            h["Authorization"] = "Bearer " + self.token
        h.update(headers or {})
        req = urllib.request.Request(self.base + path, data=None if body is None else json.dumps(body).encode(),
                                     method=method, headers=h)
        try:
            with urllib.request.urlopen(req, timeout=timeout) as r:
                raw = r.read()
                return r.status, dict(r.headers), json.loads(raw) if raw else None
        except urllib.error.HTTPError as e:
            raw = e.read()
            try:
                return e.code, dict(e.headers), json.loads(raw) if raw else None
            except ValueError:
                return e.code, dict(e.headers), None


class Article:
    """The writer's model of one article: what delivery must show after each write."""

    def __init__(self, n):
        self.n, self.id, self.version = n, None, 0
        self.slug = f"scale-{n}-{secrets.token_hex(3)}"
        self.original_slug = self.slug
        self.status, self.trashed, self.live_from = "DRAFT", False, None
        # (sent, acknowledged, observation): observations are compared as tuples
        self.history = [(float("-inf"), float("-inf"), ("hidden",))]

    @property
    def title(self):
        return f"Scale {self.n} v{self.version}"

    def observation(self, section_name, at=None):
        visible = not self.trashed and (self.status == "PUBLISHED" or
                                         (self.status == "SCHEDULED" and at is not None and at >= self.live_from))
        return ("visible", self.title, self.slug, section_name) if visible else ("hidden",)


class Scale:
    def __init__(self, a, b, varnish, token, hook_port, schema):
        self.instances = [Client(a.base, token), Client(b.base, token)]
        self.readers = {"A": Client(a.base), "B": Client(b.base)}
        if varnish:
            self.readers["Varnish"] = Client(varnish)
        self.schema = schema
        self.hook_port = hook_port
        self.articles = []
        self.section_id, self.section_name, self.section_version = None, "Scale Desk 0", 0
        self.lock = threading.Lock()
        self.stop = threading.Event()
        self.reads = 0
        self.worst = collections.defaultdict(float)  # (reader, path kind) -> largest staleness seen
        self.failures = []
        self.writes = 0
        self.scheduled = []
        self.announced = []  # (type, article id, event timestamp in epoch seconds, webhook-id)

    # ---- writes ---------------------------------------------------------------------------------------
    def write(self, method, path, body=None, expect=(200, 201, 204), headers=None):
        client = self.instances[self.writes % 2]
        self.writes += 1
        status, h, data = client.call(method, path, body, headers)
        if status not in expect:
            raise SystemExit(f"FAILED: {method} {path} on {client.base} answered {status}: {data}")
        return h, data

    def etag(self, article):
        status, h, _ = self.instances[0].call("GET", f"/api/v1/manage/articles/{article.id}")
        return h["ETag"]

    def expect(self, article, at=None):
        """Appends what the article will look like once the write about to be sent is acknowledged; the model
        is already changed. A read may show it from the moment the write is sent."""
        with self.lock:
            article.history.append((time.monotonic(), float("inf"), article.observation(self.section_name, at)))
            return len(article.history) - 1

    def acknowledged(self, article, index):
        with self.lock:
            sent, _, observation = article.history[index]
            article.history[index] = (sent, time.monotonic(), observation)

    def create(self):
        article = Article(len(self.articles))
        _, data = self.write("POST", "/api/v1/manage/articles",
                             {"title": article.title, "slug": article.slug, "section": SECTION, "tags": ["scale-wire"],
                              "body": f"<p>Scale article {article.n}, written by the scale test.</p>"})
        article.id = data["id"]
        with self.lock:
            self.articles.append(article)
        self.publish(article)

    def publish(self, article):
        article.status = "PUBLISHED"
        pending = self.expect(article)
        self.write("POST", f"/api/v1/manage/articles/{article.id}/publish")
        self.acknowledged(article, pending)

    def schedule(self, article):
        live = time.time() + 2.0
        at = time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(live)) + f".{int(live % 1 * 1000):03d}Z"
        article.status, article.live_from = "SCHEDULED", time.monotonic() + (live - time.time())
        pending = self.expect(article)
        self.write("POST", f"/api/v1/manage/articles/{article.id}/publish", {"publishAt": at})
        self.acknowledged(article, pending)
        with self.lock:  # at its instant it goes live without a write: a history entry of its own
            article.history.append((article.live_from, article.live_from, article.observation(self.section_name, article.live_from)))
        self.scheduled.append((article, live))

    def transition(self, article, action, status=None, trashed=None):
        if status:
            article.status = status
        if trashed is not None:
            article.trashed = trashed
        pending = self.expect(article)
        self.write("POST", f"/api/v1/manage/articles/{article.id}/{action}")
        self.acknowledged(article, pending)

    def patch(self, article, **fields):
        etag = self.etag(article)
        pending = self.expect(article)
        self.write("PATCH", f"/api/v1/manage/articles/{article.id}", fields,
                   headers={"Content-Type": "application/merge-patch+json", "If-Match": etag})
        self.acknowledged(article, pending)

    def edit_title(self, article):
        article.version += 1
        self.patch(article, title=article.title)

    def change_slug(self, article):
        article.slug = f"scale-{article.n}-{secrets.token_hex(3)}"
        self.patch(article, slug=article.slug)

    def trash(self, article):
        etag = self.etag(article)
        article.trashed = True
        pending = self.expect(article)
        self.write("DELETE", f"/api/v1/manage/articles/{article.id}", headers={"If-Match": etag})
        self.acknowledged(article, pending)

    def rename_section(self):
        if any(a.status == "SCHEDULED" for a in self.articles):
            # Not now: it keeps each article's history in time order. Another write instead.
            article = next(a for a in self.articles if a.status != "SCHEDULED")
            if article.trashed:
                return self.transition(article, "restore", trashed=False)
            return self.edit_title(article)
        self.section_version += 1
        name = f"Scale Desk {self.section_version}"
        with self.lock:
            self.section_name = name
        pending = [(article, self.expect(article, time.monotonic())) for article in list(self.articles)]
        self.write("PUT", f"/api/v1/manage/sections/{self.section_id}", {"slug": SECTION, "name": name})
        for article, index in pending:
            self.acknowledged(article, index)

    def one_write(self, i):
        """A write the article's state allows, cycling through every kind."""
        article = self.articles[i % len(self.articles)]
        if article.status == "SCHEDULED" and time.monotonic() < article.live_from + 3:
            # left alone until the scheduler has announced it, so that announcement is the only one then
            article = next((a for a in self.articles if a.status != "SCHEDULED"), article)
        if article.status == "SCHEDULED":
            article.status = "PUBLISHED"  # the scheduler has made it so, or delivery shows it as such already
        kind = i % 11
        if article.trashed:
            self.transition(article, "restore", trashed=False)
        elif kind in (0, 5, 9):
            self.edit_title(article)
        elif kind == 1:
            self.change_slug(article)
        elif kind == 2:
            if article.status == "PUBLISHED":
                self.transition(article, "unpublish", status="DRAFT")
            elif article.status == "ARCHIVED":
                self.transition(article, "restore", status="DRAFT")
            else:
                self.publish(article)
        elif kind == 3:
            if article.status == "ARCHIVED":
                self.transition(article, "restore", status="DRAFT")
            else:
                self.transition(article, "archive", status="ARCHIVED")
        elif kind == 4:
            self.trash(article)
        elif kind == 6 and article.status == "DRAFT":
            self.schedule(article)
        elif kind == 7 and i % 22 == 7:
            self.rename_section()
        elif kind == 8 and i % 33 == 8:
            self.create()
        elif article.status in ("DRAFT", "ARCHIVED"):
            if article.status == "ARCHIVED":
                self.transition(article, "restore", status="DRAFT")
            self.publish(article)
        else:
            self.edit_title(article)

    # ---- reads ----------------------------------------------------------------------------------------
    def check(self, reader, kind, article, began, ended, seen):
        with self.lock:
            history = list(article.history)
        required = max(i for i, (_, acked, _) in enumerate(history) if acked < began - STALENESS_LIMIT)
        newest = max(i for i, (sent, _, _) in enumerate(history) if sent < ended)
        allowed = [obs for _, _, obs in history[required:newest + 1]]
        shown = [i for i, (_, _, obs) in enumerate(history) if obs == seen and i <= newest]
        if not shown:
            self.failures.append(f"{reader} {kind} of article {article.n} showed {seen}, a state it never had")
            return
        latest_shown = shown[-1]
        superseded = [acked for _, acked, _ in history[latest_shown + 1:] if acked < began]
        staleness = began - superseded[0] if superseded else 0.0
        key = (reader, kind)
        with self.lock:
            self.worst[key] = max(self.worst[key], staleness)
        if seen not in allowed:
            self.failures.append(f"{reader} {kind} of article {article.n} showed {seen} {staleness:.3f} s after"
                                 f" a later write was acknowledged (history: {history[latest_shown + 1:newest + 1]})")

    def read_loop(self, name, client):
        while not self.stop.is_set():
            with self.lock:
                articles = list(self.articles)
            for article in articles:
                began = time.monotonic()
                status, _, data = client.call("GET", f"/api/v1/articles/{article.original_slug}")
                ended = time.monotonic()
                if status == 200:
                    section = (data.get("section") or {}).get("name")
                    seen = ("visible", data["title"], data["slug"], section)
                elif status in (404, 410):
                    seen = ("hidden",)
                else:
                    self.failures.append(f"{name} article page answered {status}")
                    continue
                self.check(name, "article page", article, began, ended, seen)
            for kind, path in (("/headlines", "/api/v1/headlines?limit=100"),
                               ("section list", f"/api/v1/articles?section={SECTION}&limit=100")):
                began = time.monotonic()
                status, _, data = client.call("GET", path)
                ended = time.monotonic()
                if status != 200:
                    self.failures.append(f"{name} {kind} answered {status}")
                    continue
                items = {item["id"]: item for item in data["items"]}
                for article in articles:
                    item = items.get(article.id)
                    seen = ("hidden",) if item is None else (
                        "visible", item["title"], item["slug"], (item.get("section") or {}).get("name"))
                    self.check(name, kind, article, began, ended, seen)
            with self.lock:
                self.reads += 1


def main():
    jar, work, schema, varnish_script = sys.argv[1:5]
    token = "scale-" + secrets.token_hex(16)
    varnish_port = free_port() if varnish_script else None
    hook_port = free_port()
    common = dict(QUARKUS_PROFILE="pg", DATELINE_DB_SCHEMA=schema, DATELINE_RATE_LIMIT_MANAGE="0",
                  DATELINE_RATE_LIMIT_DELIVERY="0", DATELINE_SCHEDULER_EVERY="1s", DATELINE_WEBHOOKS_EVERY="1s",
                  DATELINE_WEBHOOKS_ALLOWED_HOSTS="127.0.0.1")
    if varnish_port:
        common.update(DATELINE_CDN_PURGE="varnish", DATELINE_CDN_VARNISH_URLS=f"http://127.0.0.1:{varnish_port}/")
    dirs = [os.path.join(work, n) for n in ("a", "b")]
    for d in dirs:
        os.makedirs(d, exist_ok=True)
    a = PackagedJar(jar, dirs[0], token, DATELINE_CLUSTER_INSTANCE_NAME="scale-a", **common)
    b = PackagedJar(jar, dirs[1], token, DATELINE_CLUSTER_INSTANCE_NAME="scale-b", **common)
    procs = [a.start()]  # A first: it creates the schema; B then finds it migrated
    procs.append(b.start())
    open(os.path.join(work, "pids"), "w").write(" ".join(str(p.pid) for p in procs))
    varnish = None
    if varnish_port:
        subprocess.run(["bash", varnish_script, "start", "--port", str(varnish_port), "--workdir", os.path.join(work, "varnish"),
                        "--backend", f"127.0.0.1:{a.port}", "--backend", f"127.0.0.1:{b.port}"], check=True)
        varnish = f"http://127.0.0.1:{varnish_port}"

    scale = Scale(a, b, varnish, token, hook_port, schema)

    class Hook(http.server.BaseHTTPRequestHandler):
        def do_POST(self):
            body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
            at = time.mktime(time.strptime(body["timestamp"][:19], "%Y-%m-%dT%H:%M:%S")) - time.timezone
            with scale.lock:
                scale.announced.append((body["type"], body["data"].get("id"), at, self.headers["webhook-id"]))
            self.send_response(204)
            self.end_headers()

        def log_message(self, *args):
            pass

    hook = http.server.ThreadingHTTPServer(("127.0.0.1", hook_port), Hook)
    threading.Thread(target=hook.serve_forever, daemon=True).start()
    scale.write("POST", "/api/v1/manage/webhooks", {"url": f"http://127.0.0.1:{hook_port}/hook", "events": ["article.published"]})
    _, section = scale.write("POST", "/api/v1/manage/sections", {"slug": SECTION, "name": scale.section_name})
    scale.section_id = section["id"]
    scale.write("POST", "/api/v1/manage/tags", {"slug": "scale-wire", "name": "Scale wire"})
    for _ in range(ARTICLES):
        scale.create()

    # A cursor minted by one instance pages on the other.
    _, _, first = scale.readers["A"].call("GET", "/api/v1/headlines?limit=2")
    status, _, second = scale.readers["B"].call("GET", "/api/v1/headlines?limit=2&cursor=" + first["page"]["next"])
    if status != 200 or {i["id"] for i in second["items"]} & {i["id"] for i in first["items"]}:
        raise SystemExit(f"FAILED: a cursor minted by instance A did not page on instance B ({status})")
    print("OK: a cursor minted by instance A pages on instance B")

    readers = [threading.Thread(target=scale.read_loop, args=(name, client), daemon=True)
               for name, client in scale.readers.items()]
    for t in readers:
        t.start()
    began = time.monotonic()
    for i in range(WRITES):
        if i == WRITES // 2:
            killed = subprocess.run(["psql", "-qtA", "-h", "127.0.0.1", "-U", "postgres", "test", "-c",
                                     "select count(*) from (select pg_terminate_backend(pid) from pg_stat_activity"
                                     " where application_name = 'dateline-listener scale-a') k"],
                                    check=True, capture_output=True, text=True).stdout.strip()
            if killed != "1":
                raise SystemExit(f"FAILED: expected one listening connection of instance A, found {killed}")
            print(f"killed instance A's listening connection after {i} writes")
        scale.one_write(i)
        time.sleep(0.08)
    time.sleep(STALENESS_LIMIT + 1.5)  # the last writes' deadlines pass under the readers' eyes
    scale.stop.set()
    for t in readers:
        t.join()
    elapsed = time.monotonic() - began

    # Each scheduled publication was announced once, though both instances run the scheduler: counted are
    # the announcements made from its instant until the writer touched the article again (3 s on).
    def on_schedule():
        with scale.lock:
            events = list(scale.announced)
        return {(article.id, live): len({hook_id for kind, aid, at, hook_id in events
                                         if kind == "article.published" and aid == article.id and live - 1 <= at <= live + 3})
                for article, live in scale.scheduled}
    deadline = time.time() + 30
    while time.time() < deadline and 0 in on_schedule().values():
        time.sleep(0.5)
    time.sleep(2)  # a second announcement, if there were one, would come within the dispatcher's interval
    twice = {k: n for k, n in on_schedule().items() if n != 1}

    print(f"{scale.writes} writes through two instances in {elapsed:.1f} s, {scale.reads} rounds of reads"
          f" ({len(scale.readers)} readers), {len(scale.scheduled)} scheduled publications")
    print("largest staleness observed (seconds from the acknowledgement of a write to a read still showing the state before it):")
    for (reader, kind), worst in sorted(scale.worst.items()):
        print(f"  {reader:8} {kind:14} {worst:.3f}")
    if twice:
        scale.failures.append(f"scheduled publications announced other than once: {twice}")
    if scale.failures:
        for f in scale.failures[:20]:
            print("  " + f)
        raise SystemExit(f"FAILED: {len(scale.failures)} problems")
    print(f"OK: no read was stale beyond {STALENESS_LIMIT} s; scheduled articles went live on both instances and were announced once")


if __name__ == "__main__":
    main()
