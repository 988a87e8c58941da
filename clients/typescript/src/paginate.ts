import type { Client } from "openapi-fetch";
import type { components, paths } from "./generated/schema.d.ts";

type PageInfo = components["schemas"]["PageInfo"];
type Json<P extends keyof paths> = paths[P] extends { get: { responses: { 200: { content: { "application/json": infer B } } } } } ? B : never;

/** The paths whose GET answers a cursor page: { items, page: { next } }, with a cursor parameter. */
export type PagedPath = {
  [P in keyof paths]: Json<P> extends { items?: unknown[]; page: PageInfo }
    ? paths[P] extends { get: { parameters: { query?: { cursor?: string } } } } ? P : never
    : never;
}[keyof paths];

export type PageItem<P extends PagedPath> = Json<P> extends { items?: (infer T)[] } ? T : never;
export type PageQuery<P extends PagedPath> = paths[P] extends { get: { parameters: { query?: infer Q } } } ? Omit<NonNullable<Q>, "cursor"> : never;

export async function* paginate<P extends PagedPath>(api: Client<paths>, path: P, query?: PageQuery<P>): AsyncGenerator<PageItem<P>, void, undefined> {
  let cursor: string | undefined;
  do {
    // The generic path cannot be narrowed for openapi-fetch's overloads; PagedPath guarantees the shape.
    const get = api.GET as unknown as (p: string, init: object) => Promise<{ data?: { items?: PageItem<P>[]; page: PageInfo } }>;
    const { data } = await get(path, { params: { query: { ...(query ?? {}), ...(cursor ? { cursor } : {}) } } });
    if (!data) return;
    yield* data.items ?? [];
    cursor = data.page.next ?? undefined;
  } while (cursor);
}
