import { describe, expect, it } from "vitest";
import { createDatelineClient, DatelineProblem, ProblemTypes, type SyncItem, type SyncReason, type SyncStore } from "../src/index.ts";
import { recordingClient, unique } from "./helpers.ts";

class MapStore implements SyncStore {
  readonly items = new Map<string, SyncItem>();
  readonly removed: [string, SyncReason][] = [];
  clears = 0;
  put(item: SyncItem) {
    this.items.set(item.id!, item);
  }
  remove(id: string, reason: SyncReason) {
    this.removed.push([id, reason]);
    this.items.delete(id);
  }
  clear() {
    this.clears++;
    this.items.clear();
  }
}

describe("the sync loop against a live Dateline", () => {
  it("fills a store on the first sync, then applies a publish, an edit and an unpublish", async () => {
    const { client, calls } = recordingClient();
    const publish = async (title: string) => {
      const { data, etag } = await client.createArticle({ title, section: "world" });
      return (await client.publishArticle(data.id!, { ifMatch: etag })).data;
    };
    const edited = await publish(unique("Sync: to be edited"));
    const unpublished = await publish(unique("Sync: to be unpublished"));

    // first sync: every live article, in pages of 4 so that nextPageToken is followed
    const store = new MapStore();
    const token = await client.sync(store, undefined, { limit: 4 });
    expect(token).toBeTruthy();
    const live: string[] = [];
    for await (const h of client.paginate("/api/v1/headlines", { query: { limit: 100 } })) live.push(h.id);
    expect([...store.items.keys()].sort()).toEqual(live.sort());
    const syncCalls = calls.filter((c) => c.url.pathname === "/api/v1/sync");
    expect(syncCalls.length).toBeGreaterThan(1);
    expect(syncCalls[0]!.url.searchParams.has("token")).toBe(false);
    expect(syncCalls.slice(1).every((c) => c.url.searchParams.get("token"))).toBe(true);

    // nothing changed: the next sync brings nothing
    const same = await client.sync(store, token);
    expect(store.items.size).toBe(live.length);
    expect(store.removed).toEqual([]);

    // publish one, edit one, unpublish one
    const added = await publish(unique("Sync: new"));
    const { etag } = await client.getArticle(edited.id!);
    await client.patchArticle(edited.id!, { title: "Sync: edited title" }, { ifMatch: etag });
    await client.unpublishArticle(unpublished.id!);

    const next = await client.sync(store, same);
    expect(next).toBeTruthy();
    expect(store.items.get(added.id!)?.title).toBe(added.title);
    expect(store.items.get(edited.id!)?.title).toBe("Sync: edited title");
    expect(store.items.has(unpublished.id!)).toBe(false);
    expect(store.removed).toEqual([[unpublished.id!, "unpublished"]]);
    expect(store.clears).toBe(0);
  });

  it("a tampered token is a DatelineProblem 400 invalid-cursor, and the store is left alone", async () => {
    const { client } = recordingClient();
    const store = new MapStore();
    const token = await client.sync(store);
    const size = store.items.size;
    const i = Math.floor(token.length / 2);
    const tampered = token.slice(0, i) + (token[i] === "A" ? "B" : "A") + token.slice(i + 1);
    const error = await client.sync(store, tampered).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DatelineProblem);
    expect((error as DatelineProblem).status).toBe(400);
    expect((error as DatelineProblem).type).toBe(ProblemTypes.invalidCursor);
    expect(store.clears).toBe(0);
    expect(store.items.size).toBe(size);
  });
});

describe("the sync loop on an expired token (scripted answers: a live server keeps tokens for 30 days)", () => {
  it("clears the store and starts over without a token", async () => {
    const asked: (string | null)[] = [];
    const json = (status: number, body: unknown, type = "application/json") =>
      new Response(JSON.stringify(body), { status, headers: { "Content-Type": type } });
    const client = createDatelineClient({
      baseUrl: "http://dateline.invalid",
      etagCache: false,
      fetch: async (request) => {
        const token = new URL(request.url).searchParams.get("token");
        asked.push(token);
        if (token === "old") {
          return json(400, { type: ProblemTypes.syncTokenExpired, title: "Sync token expired", status: 400 }, "application/problem+json");
        }
        if (token === null) {
          const item = { id: "a1", slug: "a", title: "A", publishedAt: "2025-10-15T12:00:00Z", section: null, excerpt: null, imageUrl: null, thumbnailUrl: null,
            locale: "en", translationGroup: "a1" };
          return json(200, { items: [item], deleted: [], nextPageToken: "p2", nextSyncToken: null });
        }
        return json(200, { items: [], deleted: [{ id: "gone", reason: "archived" }], nextPageToken: null, nextSyncToken: "fresh" });
      },
    });
    const store = new MapStore();
    store.put({ id: "stale", slug: "s", title: "S", publishedAt: "2025-01-01T00:00:00Z", section: null, excerpt: null, imageUrl: null, thumbnailUrl: null,
      locale: "en", translationGroup: "stale" });
    expect(await client.sync(store, "old")).toBe("fresh");
    expect(asked).toEqual(["old", null, "p2"]);
    expect(store.clears).toBe(1);
    expect([...store.items.keys()]).toEqual(["a1"]);
    expect(store.removed).toEqual([["gone", "archived"]]);
  });
});
