#!/usr/bin/env python3
"""Loads N synthetic articles into a running Dateline through its management API.

12 sections, 300 tags, 3-6 tags per article, ~600-word HTML bodies, 10% left as drafts, publication
dates spread over two years. Prints progress and writes the slugs, tags and words the workloads use.
"""
import concurrent.futures, json, random, sys, time, urllib.request

BASE = sys.argv[1] if len(sys.argv) > 1 else "http://localhost:8080"
N = int(sys.argv[2]) if len(sys.argv) > 2 else 100_000
OUT = sys.argv[3] if len(sys.argv) > 3 else "/tmp/dateline-bench"
THREADS = 8
rng = random.Random(42)
SYLLABLES = ["ka", "lo", "mi", "ne", "ru", "sa", "to", "vi", "ze", "ba", "do", "fu", "gi", "ha", "je", "pu", "qo", "ti", "we", "xa"]
VOCAB = sorted({"".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))) for _ in range(5000)})


def call(method, path, body=None):
    data = None if body is None else json.dumps(body).encode()
    req = urllib.request.Request(BASE + path, data=data, method=method, headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=60) as r:
        return json.loads(r.read() or b"null")


def body(r):
    paras = []
    for _ in range(6):
        paras.append("<p>" + " ".join(r.choice(VOCAB) for _ in range(100)) + ".</p>")
    return "".join(paras)


def article(i):
    r = random.Random(i)
    title = " ".join(r.choice(VOCAB) for _ in range(r.randint(5, 10))).capitalize() + f" {i}"
    a = call("POST", "/api/v1/manage/articles", {
        "title": title, "excerpt": " ".join(r.choice(VOCAB) for _ in range(20)), "body": body(r),
        "section": f"section-{r.randrange(12)}", "tags": [f"tag-{t}" for t in r.sample(range(300), r.randint(3, 6))],
    })
    if r.random() >= 0.10:
        at = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(1_700_000_000 + r.randrange(2 * 365 * 86400)))
        call("POST", f"/api/v1/manage/articles/{a['id']}/publish", {"publishedAt": at})
        return a["slug"]
    return None


def main():
    for s in range(12):
        call("POST", "/api/v1/manage/sections", {"slug": f"section-{s}", "name": f"Section {s}"})
    for t in range(300):
        call("POST", "/api/v1/manage/tags", {"slug": f"tag-{t}", "name": f"Tag {t}"})
    slugs, start = [], time.time()
    with concurrent.futures.ThreadPoolExecutor(THREADS) as pool:
        for n, slug in enumerate(pool.map(article, range(N), chunksize=64), 1):
            if slug:
                slugs.append(slug)
            if n % 5000 == 0:
                print(f"  {n} articles in {time.time() - start:.0f} s", flush=True)
    print(f"loaded {N} articles ({len(slugs)} published) in {time.time() - start:.0f} s", flush=True)
    with open(OUT + "-slugs.txt", "w") as f:
        f.write("\n".join(rng.sample(slugs, min(2000, len(slugs)))))
    with open(OUT + "-words.txt", "w") as f:
        f.write("\n".join(rng.sample(VOCAB, 500)))


if __name__ == "__main__":
    main()
