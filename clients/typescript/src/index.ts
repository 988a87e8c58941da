import createClient, { type Client } from "openapi-fetch";
import type { components, paths } from "./generated/schema.d.ts";
import { DatelineProblem, ProblemTypes } from "./problem.ts";
import { EtagCache, type FetchLike } from "./etag-cache.ts";
import { paginate, type PagedPath, type PageItem, type PageQuery } from "./paginate.ts";
import { sync, type SyncOptions, type SyncStore } from "./sync.ts";

export type { components, paths } from "./generated/schema.d.ts";
export { DatelineProblem, ProblemTypes, isProblem, type Problem, type Violation } from "./problem.ts";
export { EtagCache, type FetchLike } from "./etag-cache.ts";
export type { PagedPath, PageItem, PageQuery } from "./paginate.ts";
export type { SyncOptions, SyncStore, SyncItem, SyncReason } from "./sync.ts";

type Schemas = components["schemas"];
export type Article = Schemas["Article"];
export type Headline = Schemas["Headline"];
export type ManagedArticle = Schemas["ManagedArticle"];
export type ArticleInput = Schemas["ArticleInput"];
export type ArticleMergePatch = Schemas["ArticleMergePatch"];
export type SyncPage = Schemas["SyncPage"];
export type CreatedPreview = Schemas["CreatedPreview"];
type Query<P extends keyof paths> = paths[P] extends { get: { parameters: { query?: infer Q } } } ? NonNullable<Q> : never;

export interface DatelineClientOptions {
  /** e.g. https://cms.example.org (without /api/v1) */
  baseUrl: string;
  /** Bearer token for the management endpoints (and to be counted as its owner by the rate limits). */
  token?: string;
  /** A fetch of your own (tests, proxies, instrumentation); defaults to globalThis.fetch. */
  fetch?: FetchLike;
  /** The ETag cache for conditional GETs; pass false to send every GET unconditionally. */
  etagCache?: EtagCache | false;
}

/** A management answer and its ETag, the version to send back as If-Match. */
export interface Versioned<T> {
  data: T;
  etag: string;
}

/** Reads of one article may show its draft to whoever holds a preview token. */
export interface PreviewOptions {
  preview?: string;
}

export interface WriteOptions {
  /** The ETag of the version being edited. */
  ifMatch?: string;
  /** Why, recorded in the revision (percent-encoded here). */
  changeSummary?: string;
}

export function createDatelineClient(options: DatelineClientOptions) {
  const base: FetchLike = options.fetch ?? ((request) => globalThis.fetch(request));
  const cache = options.etagCache === false ? undefined : (options.etagCache ?? new EtagCache());
  const api: Client<paths> = createClient<paths>({
    baseUrl: options.baseUrl,
    fetch: cache ? cache.wrap(base) : base,
    headers: options.token ? { Authorization: `Bearer ${options.token}` } : {},
  });
  // Every non-2xx answer throws, so every `data` a caller sees is the 2xx body.
  api.use({
    async onResponse({ response }) {
      if (!response.ok) throw await DatelineProblem.fromResponse(response);
      return undefined;
    },
  });

  function body<T>(result: { data?: T; response: Response }): T {
    return result.data as T;
  }
  function versioned<T>(result: { data?: T; response: Response }): Versioned<T> {
    return { data: result.data as T, etag: result.response.headers.get("ETag") ?? "" };
  }
  function previewHeaders(o: PreviewOptions): Record<string, string> {
    // Preview answers are private, no-store and carry no ETag: the ETag cache never keeps them.
    return o.preview !== undefined ? { "Dateline-Preview": o.preview } : {};
  }
  function writeHeaders(o: WriteOptions = {}) {
    return {
      ...(o.ifMatch !== undefined ? { "If-Match": o.ifMatch } : {}),
      ...(o.changeSummary !== undefined ? { "X-Change-Summary": encodeURIComponent(o.changeSummary) } : {}),
    };
  }

  return {
    /** The openapi-fetch client underneath, typed from the contract, for every endpoint not wrapped here. */
    api,
    /** The ETag cache (undefined when disabled). */
    cache,

    // ---- delivery reads
    articles: async (query: Query<"/api/v1/articles"> = {}) => body(await api.GET("/api/v1/articles", { params: { query } })),
    search: async (q: string, query: Omit<Query<"/api/v1/articles">, "q"> = {}) =>
      body(await api.GET("/api/v1/articles", { params: { query: { sort: "relevance", ...query, q } } })),
    /**
     * The article as JSON (the contract also offers ninjs; use `api` with Accept: application/ninjs+json for it).
     * With `preview` (a token from createPreview), a draft, scheduled or archived article in the same shape.
     */
    article: async (slug: string, o: PreviewOptions = {}): Promise<Article> =>
      body(await api.GET("/api/v1/articles/{slug}", {
        params: { path: { slug } },
        headers: { Accept: "application/json", ...previewHeaders(o) },
      })) as Article,
    related: async (slug: string, query: Query<"/api/v1/articles/{slug}/related"> = {}, o: PreviewOptions = {}) =>
      body(await api.GET("/api/v1/articles/{slug}/related", { params: { path: { slug }, query }, headers: previewHeaders(o) })),
    headlines: async (query: Query<"/api/v1/headlines"> = {}) => body(await api.GET("/api/v1/headlines", { params: { query } })),
    sections: async (query: Query<"/api/v1/sections"> = {}) => body(await api.GET("/api/v1/sections", { params: { query } })),
    section: async (slug: string) => body(await api.GET("/api/v1/sections/{slug}", { params: { path: { slug } } })),
    tags: async (query: Query<"/api/v1/tags"> = {}) => body(await api.GET("/api/v1/tags", { params: { query } })),
    tag: async (slug: string) => body(await api.GET("/api/v1/tags/{slug}", { params: { path: { slug } } })),
    authors: async (query: Query<"/api/v1/authors"> = {}) => body(await api.GET("/api/v1/authors", { params: { query } })),
    author: async (slug: string) => body(await api.GET("/api/v1/authors/{slug}", { params: { path: { slug } } })),

    // ---- management writes (they need a token)
    getArticle: async (id: string): Promise<Versioned<ManagedArticle>> =>
      versioned(await api.GET("/api/v1/manage/articles/{id}", { params: { path: { id } } })),
    createArticle: async (input: ArticleInput, o: Omit<WriteOptions, "ifMatch"> = {}): Promise<Versioned<ManagedArticle>> =>
      versioned(await api.POST("/api/v1/manage/articles", { body: input, params: { header: writeHeaders(o) } })),
    /** JSON Merge Patch (RFC 7396); If-Match is required by the server. */
    patchArticle: async (id: string, patch: ArticleMergePatch, o: WriteOptions & { ifMatch: string }): Promise<Versioned<ManagedArticle>> =>
      versioned(await api.PATCH("/api/v1/manage/articles/{id}", {
        params: { path: { id }, header: writeHeaders(o) },
        body: patch,
        headers: { "Content-Type": "application/merge-patch+json" },
      })),
    /** Publishes now, or schedules with a future publishAt. */
    publishArticle: async (id: string, o: WriteOptions & { publishAt?: string } = {}): Promise<Versioned<ManagedArticle>> =>
      versioned(await api.POST("/api/v1/manage/articles/{id}/publish", {
        params: { path: { id }, header: writeHeaders(o) },
        ...(o.publishAt !== undefined ? { body: { publishAt: o.publishAt } } : {}),
      })),
    unpublishArticle: async (id: string, o: WriteOptions = {}): Promise<Versioned<ManagedArticle>> =>
      versioned(await api.POST("/api/v1/manage/articles/{id}/unpublish", { params: { path: { id }, header: writeHeaders(o) } })),
    /** A short-lived token that shows this article, whatever its state, to `article(slug, { preview })`; and its URL. */
    createPreview: async (id: string): Promise<CreatedPreview> =>
      body(await api.POST("/api/v1/manage/articles/{id}/preview", { params: { path: { id } } })) as CreatedPreview,

    // ---- helpers
    /** Every item of a cursor-paged list, page after page (page.next passed back as cursor). */
    paginate: <P extends PagedPath>(path: P, init: { query?: PageQuery<P> } = {}): AsyncGenerator<PageItem<P>, void, undefined> =>
      paginate(api, path, init.query),
    /** Brings `store` up to date (a first sync without token); returns the nextSyncToken to keep for next time. */
    sync: (store: SyncStore, token?: string | null, o: SyncOptions = {}): Promise<string> => sync(api, store, token ?? undefined, o),
  };
}

export type DatelineClient = ReturnType<typeof createDatelineClient>;
