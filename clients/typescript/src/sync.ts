import type { Client } from "openapi-fetch";
import type { components, paths } from "./generated/schema.d.ts";
import { DatelineProblem, ProblemTypes } from "./problem.ts";

type Schemas = components["schemas"];
/** A headline, or the whole article with full=true. */
export type SyncItem = Schemas["Headline"] | Schemas["Article"];
export type SyncReason = NonNullable<Schemas["SyncDeletion"]["reason"]>;

/** Where an offline app keeps its articles; the methods may be async. */
export interface SyncStore {
  put(item: SyncItem): void | Promise<void>;
  remove(id: string, reason: SyncReason): void | Promise<void>;
  /** Called before starting over when the saved token has expired. */
  clear(): void | Promise<void>;
}

/** First-sync filters (the token remembers them afterwards). */
export interface SyncOptions {
  full?: boolean;
  section?: string;
  tag?: string;
  locale?: string;
  /** Changes per page (1-500). */
  limit?: number;
}

/**
 * GET /api/v1/sync until up to date: without token (a first sync) or from the saved nextSyncToken, then
 * nextPageToken after nextPageToken, applying items/articles and deletions to the store. An expired token
 * (400 sync-token-expired) clears the store and starts over. Returns the nextSyncToken.
 */
export async function sync(api: Client<paths>, store: SyncStore, token: string | undefined, o: SyncOptions = {}): Promise<string> {
  let current = token;
  for (;;) {
    let page: Schemas["SyncPage"] | undefined;
    try {
      const { limit, ...first } = o;
      const query = current ? { token: current, ...(limit ? { limit } : {}) } : { ...first, ...(limit ? { limit } : {}) };
      page = (await api.GET("/api/v1/sync", { params: { query } })).data;
    } catch (e) {
      if (current && e instanceof DatelineProblem && e.status === 400 && e.type === ProblemTypes.syncTokenExpired) {
        await store.clear();
        current = undefined;
        continue;
      }
      throw e;
    }
    if (!page) throw new Error("GET /api/v1/sync answered without a body");
    for (const item of page.items ?? []) await store.put(item);
    for (const article of page.articles ?? []) await store.put(article);
    for (const gone of page.deleted ?? []) {
      if (gone.id) await store.remove(gone.id, gone.reason ?? "purged");
    }
    if (page.nextPageToken) {
      current = page.nextPageToken;
    } else if (page.nextSyncToken) {
      return page.nextSyncToken;
    } else {
      throw new Error("GET /api/v1/sync answered with neither nextPageToken nor nextSyncToken");
    }
  }
}
