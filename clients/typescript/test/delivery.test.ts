import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { DatelineProblem, ProblemTypes, type Headline } from "../src/index.ts";
import { recordingClient, unique } from "./helpers.ts";

/** The demo seed (src/main/resources/demo/seed-page.txt): the lead's title, then its related headlines in order. */
function seed() {
  const text = readFileSync(resolve(import.meta.dirname, "../../../src/main/resources/demo/seed-page.txt"), "utf8");
  const lines = text.split(/\r?\n/).map((l) => l.trim());
  const rest = lines.slice(lines.indexOf("")).filter((l) => l !== "");
  const related: string[] = [];
  for (let i = 0; i + 1 < rest.length; i += 2) related.push(rest[i]!);
  return { title: lines[0]!, related };
}

describe("async pagination over cursor pages", () => {
  const created: string[] = [];

  beforeAll(async () => {
    const { client } = recordingClient();
    for (let i = 0; i < 25; i++) {
      const { data, etag } = await client.createArticle({ title: unique("Paging test"), body: "<p>One of many.</p>", section: "world" });
      await client.publishArticle(data.id!, { ifMatch: etag });
      created.push(data.id!);
    }
  });

  it("follows page.next as cursor through every page of headlines", async () => {
    const { client, calls } = recordingClient();
    const seen: Headline[] = [];
    for await (const headline of client.paginate("/api/v1/headlines", { query: { limit: 7 } })) {
      seen.push(headline);
    }
    const ids = seen.map((h) => h.id);
    expect(new Set(ids).size).toBe(ids.length); // no item twice across page boundaries
    expect(ids).toEqual(expect.arrayContaining(created));
    expect(seen.length).toBeGreaterThanOrEqual(25 + 11); // ours and the seed's 11
    const pages = calls.filter((c) => c.url.pathname === "/api/v1/headlines");
    expect(pages.length).toBe(Math.ceil(seen.length / 7));
    expect(pages[0]!.url.searchParams.has("cursor")).toBe(false);
    expect(pages.slice(1).every((p) => p.url.searchParams.get("cursor"))).toBe(true);
    // newest first, as the API promises
    const times = seen.map((h) => Date.parse(h.publishedAt));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
  });

  it("passes the filters along with each cursor", async () => {
    const { client, calls } = recordingClient();
    let count = 0;
    for await (const article of client.paginate("/api/v1/articles", { query: { limit: 2, tag: ["azerbaijan"] } })) {
      expect(article.slug).toBeTypeOf("string");
      count++;
    }
    expect(count).toBeGreaterThan(2);
    expect(calls.every((c) => c.url.searchParams.getAll("tag").join() === "azerbaijan")).toBe(true);
  });
});

describe("the seed article and its related headlines", () => {
  const { title, related } = seed();

  it("is found by slug, and its related headlines come in the seed's order", async () => {
    const { client } = recordingClient();
    const hits = await client.search("Russia Fires TASS Deputy Director");
    const hit = hits.items?.find((a) => a.title === title);
    expect(hit, `search found ${JSON.stringify(hits.items?.map((a) => a.title))}`).toBeDefined();

    const article = await client.article(hit!.slug!);
    expect(article.title).toBe(title);
    expect(article.title).toMatch(/^Russia Fires TASS Deputy Director/);

    const headlines = await client.related(article.slug!, { limit: related.length });
    expect(headlines.map((h) => h.title)).toEqual(related);
  });
});

describe("conditional GETs with ETags", () => {
  it("sends If-None-Match on a repeated GET and returns the cached body on 304", async () => {
    const { client, calls } = recordingClient();
    const first = await client.headlines({ limit: 3, section: "world" });
    const second = await client.headlines({ limit: 3, section: "world" });
    expect(calls.map((c) => c.status)).toEqual([200, 304]);
    expect(calls[0]!.ifNoneMatch).toBeNull();
    expect(calls[1]!.ifNoneMatch).toMatch(/^(W\/)?".+"$/);
    expect(second).toEqual(first);
    expect(second.items?.length).toBe(3);
  });

  it("gets the new body after a change, not the cached one", async () => {
    const { client, calls } = recordingClient();
    const { data, etag } = await client.createArticle({ title: unique("ETag test"), section: "world" });
    await client.publishArticle(data.id!, { ifMatch: etag });
    const before = await client.article(data.slug!);
    const { etag: e2 } = await client.getArticle(data.id!);
    await client.patchArticle(data.id!, { subtitle: "Changed" }, { ifMatch: e2 });
    const after = await client.article(data.slug!);
    const reads = calls.filter((c) => c.url.pathname.startsWith("/api/v1/articles/"));
    expect(reads.map((c) => c.status)).toEqual([200, 200]);
    expect(reads[1]!.ifNoneMatch).not.toBeNull(); // it asked, and the server had something newer
    expect(before.subtitle ?? null).toBeNull();
    expect(after.subtitle).toBe("Changed");
  });

  it("never caches management answers (no-store)", async () => {
    const { client, calls } = recordingClient();
    const { data } = await client.createArticle({ title: unique("No-store test") });
    await client.getArticle(data.id!);
    await client.getArticle(data.id!);
    expect(calls.filter((c) => c.method === "GET").map((c) => [c.status, c.ifNoneMatch])).toEqual([[200, null], [200, null]]);
  });
});

describe("DatelineProblem for non-2xx answers", () => {
  it("a write with a stale If-Match is a 412 stale-version", async () => {
    const { client } = recordingClient();
    const { data, etag: stale } = await client.createArticle({ title: unique("Stale test") });
    const { etag: current } = await client.patchArticle(data.id!, { excerpt: "First edit" }, { ifMatch: stale });
    expect(current).not.toBe(stale);
    const error = await client.patchArticle(data.id!, { excerpt: "Lost update" }, { ifMatch: stale }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DatelineProblem);
    const problem = error as DatelineProblem;
    expect(problem.status).toBe(412);
    expect(problem.type).toBe(ProblemTypes.staleVersion);
    expect(problem.title).toBeTruthy();
    expect(problem.instance).toBe(`/api/v1/manage/articles/${data.id}`);
    expect(problem).toBeInstanceOf(Error);
    // and nothing was lost: the first edit stands
    expect((await client.getArticle(data.id!)).data.excerpt).toBe("First edit");
  });

  it("a 404 and a 422 carry their problem fields and violations", async () => {
    const { client } = recordingClient();
    const missing = await client.article("no-such-article-anywhere").catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(DatelineProblem);
    expect((missing as DatelineProblem).status).toBe(404);

    const invalid = await client.createArticle({ title: "Bad image", imageUrl: "not a url" }).catch((e: unknown) => e);
    expect(invalid).toBeInstanceOf(DatelineProblem);
    const p = invalid as DatelineProblem;
    expect(p.status).toBe(422);
    expect(p.violations.length).toBeGreaterThan(0);
    expect(JSON.stringify(p.violations)).toContain("imageUrl");
  });

  it("a management call without a token is a 401", async () => {
    const { client } = recordingClient({ token: undefined });
    const error = await client.createArticle({ title: unique("No token") }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DatelineProblem);
    expect((error as DatelineProblem).status).toBe(401);
  });
});

describe("draft preview", () => {
  it("shows a draft to the holder of its preview token, in the delivery shape, and to nobody else", async () => {
    const { client } = recordingClient();
    const title = unique("Previewed draft");
    const { data } = await client.createArticle({ title, body: "<p>Not out yet.</p>", section: "world" });
    const preview = await client.createPreview(data.id!);

    const shown = await client.article(data.slug!, { preview: preview.token! });
    expect(shown.title).toBe(title);
    expect(shown.body).toBe("<p>Not out yet.</p>");
    await expect(client.article(data.slug!)).rejects.toMatchObject({ status: 404 });
    await expect(client.article(data.slug!, { preview: preview.token! + "x" })).rejects.toMatchObject({ status: 404 });
  });
});
