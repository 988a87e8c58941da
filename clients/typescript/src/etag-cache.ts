/**
 * Conditional GETs: a fetch wrapper that remembers each public GET answer that carries an ETag (and is not
 * no-store, which every management answer is), sends If-None-Match when the same request is made again,
 * and turns a 304 into the remembered answer. Keyed by URL, Accept and Authorization; least recently used
 * entries go first once maxEntries is reached.
 */
export type FetchLike = (input: Request) => Promise<Response>;

interface Entry {
  etag: string;
  status: number;
  statusText: string;
  headers: [string, string][];
  body: ArrayBuffer;
}

export class EtagCache {
  private readonly entries = new Map<string, Entry>();
  constructor(readonly maxEntries = 500) {}

  get size(): number {
    return this.entries.size;
  }

  clear(): void {
    this.entries.clear();
  }

  /** Wraps a fetch so that GETs go through this cache. */
  wrap(fetchFn: FetchLike): FetchLike {
    return async (request: Request) => {
      if (request.method !== "GET" || request.headers.has("If-None-Match")) {
        return fetchFn(request);
      }
      const key = [request.url, request.headers.get("Accept") ?? "", request.headers.get("Authorization") ?? ""].join("\n");
      const cached = this.entries.get(key);
      if (cached) {
        request.headers.set("If-None-Match", cached.etag);
      }
      const response = await fetchFn(request);
      if (response.status === 304 && cached) {
        this.entries.delete(key); // re-insert: most recently used last
        const headers = new Headers(cached.headers);
        response.headers.forEach((value, name) => {
          if (!DROPPED.has(name.toLowerCase())) headers.set(name, value);
        });
        const fresh: Entry = { ...cached, etag: response.headers.get("ETag") ?? cached.etag, headers: [...headers] };
        this.entries.set(key, fresh);
        return new Response(cached.body.slice(0), { status: cached.status, statusText: cached.statusText, headers });
      }
      const etag = response.headers.get("ETag");
      const noStore = /no-store/i.test(response.headers.get("Cache-Control") ?? "");
      if (response.ok && etag && !noStore) {
        const body = await response.clone().arrayBuffer();
        const headers: [string, string][] = [];
        response.headers.forEach((value, name) => {
          if (!DROPPED.has(name.toLowerCase())) headers.push([name, value]);
        });
        this.entries.delete(key);
        this.entries.set(key, { etag, status: response.status, statusText: response.statusText, headers, body });
        while (this.entries.size > this.maxEntries) {
          const oldest = this.entries.keys().next().value;
          if (oldest === undefined) break;
          this.entries.delete(oldest);
        }
      } else if (cached && response.ok) {
        this.entries.delete(key);
      }
      return response;
    };
  }
}

/** fetch has already decoded the body: its encoding and length headers no longer describe the bytes kept. */
const DROPPED = new Set(["content-encoding", "content-length", "transfer-encoding"]);
