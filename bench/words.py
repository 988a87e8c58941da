"""Each search word's own latency: bench/words.py BASE WORDS_FILE [repeats=20]

W6's wrk figures average over 500 words under 16 connections, where queueing hides which words are dear.
This asks each word's /articles?q= page alone, one request at a time on one keep-alive connection: once
unmeasured, then `repeats` times, and reports each word's p99 (with 20 repeats, its slowest), how many
words are slower than 20 ms at p99, and the slowest five. Run it against a server with the response
cache off (bench/run.sh does, after W6h).
"""
import http.client, statistics, sys, time, urllib.parse

base = urllib.parse.urlsplit(sys.argv[1])
words = [w.strip() for w in open(sys.argv[2]) if w.strip()]
repeats = int(sys.argv[3]) if len(sys.argv) > 3 else 20
conn = http.client.HTTPConnection(base.hostname, base.port or 80)


def ask(word):
    start = time.perf_counter()
    conn.request("GET", "/api/v1/articles?q=" + urllib.parse.quote(word))
    response = conn.getresponse()
    response.read()
    if response.status != 200:
        sys.exit(f"{word}: HTTP {response.status}")
    return (time.perf_counter() - start) * 1000


p99 = {}
for word in words:
    ask(word)
    times = sorted(ask(word) for _ in range(repeats))
    p99[word] = times[min(len(times) - 1, int(len(times) * 0.99))]
slowest = sorted(p99.items(), key=lambda kv: -kv[1])
print(f"W6w  each word alone ({len(words)} words x {repeats}): median of p99s {statistics.median(p99.values()):.1f} ms,"
      f" {sum(1 for v in p99.values() if v > 20)} words over 20 ms at p99; slowest: "
      + ", ".join(f"{w} {v:.1f} ms" for w, v in slowest[:5]))
