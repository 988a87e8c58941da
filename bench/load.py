#!/usr/bin/env python3
"""Loads N synthetic articles into a running Dateline through its NDJSON import API.

12 sections, 300 tags, 3-6 tags per article, ~600-word HTML bodies, 10% left as drafts, publication
dates spread over the two years before the day of the load, so the archive reaches today as a newsroom's
does. Prints the import time and writes the slugs and words the workloads use.
"""
import json, os, random, subprocess, sys, time

BASE = sys.argv[1] if len(sys.argv) > 1 else "http://localhost:8080"
N = int(sys.argv[2]) if len(sys.argv) > 2 else 100_000
OUT = sys.argv[3] if len(sys.argv) > 3 else "/tmp/dateline-bench"
rng = random.Random(42)
SYLLABLES = ["ka", "lo", "mi", "ne", "ru", "sa", "to", "vi", "ze", "ba", "do", "fu", "gi", "ha", "je", "pu", "qo", "ti", "we", "xa"]
# Dates run up to midnight (UTC) of the load day: the same articles all day, and no gap between the
# archive and what the soak publishes now, which a search would otherwise walk month by month.
TWO_YEARS = 2 * 365 * 86400
DATES_END = int(time.time()) // 86400 * 86400
VOCAB = sorted({"".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))) for _ in range(5000)})


def records():
    """One NDJSON line per article, generated on the fly: the file never sits in memory."""
    for i in range(N):
        r = random.Random(i)
        title = " ".join(r.choice(VOCAB) for _ in range(r.randint(5, 10))).capitalize() + f" {i}"
        rec = {
            "externalId": f"bench:{i}", "slug": f"bench-{i}", "title": title,
            "excerpt": " ".join(r.choice(VOCAB) for _ in range(20)), "body": body(r),
            "section": f"section-{r.randrange(12)}", "tags": [f"tag-{t}" for t in r.sample(range(300), r.randint(3, 6))],
        }
        if r.random() >= 0.10:
            rec["status"] = "PUBLISHED"
            rec["publishedAt"] = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(DATES_END - TWO_YEARS + r.randrange(TWO_YEARS)))
        yield rec


def body(r):
    paras = []
    for _ in range(6):
        paras.append("<p>" + " ".join(r.choice(VOCAB) for _ in range(100)) + ".</p>")
    return "".join(paras)


def main():
    path = OUT + "-articles.ndjson"
    slugs = []
    with open(path, "w") as f:
        for rec in records():
            f.write(json.dumps(rec) + "\n")
            if rec.get("status") == "PUBLISHED":
                slugs.append(rec["slug"])
    start = time.time()
    # Through the API: one streamed NDJSON import, sections and tags created on the fly.
    out = subprocess.run(["curl", "-sS", "--fail-with-body", "-H", "Content-Type: application/x-ndjson",
                          "-H", "Authorization: Bearer " + os.environ.get("DATELINE_TOKEN", ""),
                          "--data-binary", "@" + path, BASE + "/api/v1/manage/import?createMissing=true"],
                         capture_output=True, check=True).stdout
    took = time.time() - start
    report = json.loads(out)
    print(f"imported {N} articles ({len(slugs)} published) in {took:.1f} s = {N / took:.0f} articles/s;"
          f" created {report['created']}, rejected {report['rejected']}", flush=True)
    if report["rejected"]:
        print(json.dumps([l for l in report["lines"] if l["outcome"] == "REJECTED"][:3]), file=sys.stderr)
    with open(OUT + "-slugs.txt", "w") as f:
        f.write("\n".join(rng.sample(slugs, min(2000, len(slugs)))))
    with open(OUT + "-words.txt", "w") as f:
        f.write("\n".join(rng.sample(VOCAB, 500)))


if __name__ == "__main__":
    main()
