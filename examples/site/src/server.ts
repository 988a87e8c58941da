// The site: plain node:http, one Dateline client for public reads (its ETag cache makes repeated reads cheap
// conditional GETs), preview reads with the token from the httpOnly cookie set by /api/draft.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { createDatelineClient, DatelineProblem, type FetchLike } from "@dateline/client";
import { articlePath, formatDate, headlineList, html, page, raw, sectionPath } from "./html.ts";

export const PREVIEW_COOKIE = "dateline-preview";

export interface SiteOptions {
  /** Dateline's address, without /api/v1. */
  datelineUrl: string;
  /** Mark the preview cookie Secure (on for https sites; off for http://localhost). */
  secureCookies?: boolean;
  /** How long the preview cookie lives, in seconds (Dateline's preview tokens last 1 h by default). */
  previewMaxAge?: number;
  /** The site's language (BCP 47): its lists, section names and related headlines are in it. Default en. */
  locale?: string;
  fetch?: FetchLike;
}

class NotFound extends Error {}

type Dateline = ReturnType<typeof createDatelineClient>;

export function createSite(options: SiteOptions): Server {
  const dateline = createDatelineClient({ baseUrl: options.datelineUrl, ...(options.fetch ? { fetch: options.fetch } : {}) });

  return createServer((req, res) => {
    handle(dateline, options, req, res).catch((e: unknown) => {
      if (e instanceof NotFound || (e instanceof DatelineProblem && e.status === 404)) {
        send(res, 404, page({ title: "Not found" }, html`<h1>Page not found</h1><p>There is nothing at this address. <a href="/">Front page</a></p>`), {
          "Cache-Control": "no-store",
        });
        return;
      }
      console.error(e);
      if (!res.headersSent) send(res, 502, page({ title: "Unavailable" }, html`<h1>The news is unavailable</h1><p>Please try again shortly.</p>`), { "Cache-Control": "no-store" });
      else res.end();
    });
  });
}

async function handle(dateline: Dateline, o: SiteOptions, req: IncomingMessage, res: ServerResponse) {
  const url = new URL(req.url ?? "/", "http://site.invalid");
  if (req.method !== "GET" && req.method !== "HEAD") {
    send(res, 405, "Method not allowed", { Allow: "GET, HEAD", "Content-Type": "text/plain; charset=utf-8" });
    return;
  }
  const preview = cookies(req)[PREVIEW_COOKIE];
  const path = url.pathname;
  let m: RegExpExecArray | null;

  if (path === "/api/draft") return draft(dateline, o, url, res);
  if (path === "/api/draft/exit") {
    res.writeHead(303, { Location: "/", "Set-Cookie": cookie(o, "", 0), "Cache-Control": "no-store" }).end();
    return;
  }
  // One language per site: a newsroom's translations of a story belong on its other-language sites.
  const locale = o.locale ?? "en";
  if (path === "/") return home(dateline, res, locale, preview);
  if ((m = /^\/section\/([^/]+)$/.exec(path))) return section(dateline, res, locale, decode(m[1]!), preview);
  if ((m = /^\/articles\/([^/]+)$/.exec(path))) return article(dateline, res, locale, decode(m[1]!), preview);
  throw new NotFound();
}

async function home(dateline: Dateline, res: ServerResponse, locale: string, preview: string | undefined) {
  const [{ items: sections }, { items }] = await Promise.all([dateline.sections({ locale }), dateline.headlines({ limit: 20, locale })]);
  const main = html`<h1>Latest news</h1>${headlineList(items ?? [])}`;
  sendPage(res, page({ title: "Latest news", sections, preview: !!preview }, main), !!preview);
}

async function section(dateline: Dateline, res: ServerResponse, locale: string, slug: string, preview: string | undefined) {
  const [{ items: sections }, current, { items }] = await Promise.all([
    dateline.sections({ locale }),
    dateline.section(slug),
    dateline.headlines({ section: slug, limit: 20, locale }),
  ]);
  const name = current.name ?? slug;
  const main = html`<h1>${name}</h1>${items?.length ? headlineList(items) : html`<p>Nothing published here yet.</p>`}`;
  sendPage(res, page({ title: name, sections, preview: !!preview }, main), !!preview);
}

async function article(dateline: Dateline, res: ServerResponse, locale: string, slug: string, preview: string | undefined) {
  const read = preview ? { preview } : {};
  const [{ items: sections }, a, related] = await Promise.all([
    dateline.sections({ locale }),
    dateline.article(slug, read),
    dateline.related(slug, { limit: 10, locale }, read),
  ]);
  const main = html`<div class="layout">
<article>
<p class="meta">${a.section?.slug ? html`<a class="section" href="${sectionPath(a.section.slug)}">${a.section.name ?? a.section.slug}</a> · ` : ""}${a.publishedAt ? html`<time datetime="${a.publishedAt}">${formatDate(a.publishedAt)}</time>` : html`<span class="unpublished">Not yet published</span>`}</p>
<h1>${a.title}</h1>
${a.subtitle ? html`<p class="subtitle">${a.subtitle}</p>` : ""}
${a.authors.length ? html`<p class="meta byline">By ${a.authors.map((x, i) => html`${i ? ", " : ""}${x.name}`)}</p>` : ""}
<div class="body">${raw(a.body)}</div>
</article>
${related.length ? html`<aside>
<h2>More on this</h2>
${headlineList(related, "related")}
</aside>` : ""}
</div>`;
  sendPage(res, page({ title: a.title, sections, preview: !!preview }, main), !!preview);
}

/** Checks the token by reading the article with it, then keeps it in an httpOnly cookie and shows the article. */
async function draft(dateline: Dateline, o: SiteOptions, url: URL, res: ServerResponse) {
  const token = url.searchParams.get("token") ?? "";
  const slug = url.searchParams.get("slug") ?? "";
  let valid = false;
  if (token && slug) {
    try {
      await dateline.article(slug, { preview: token });
      valid = true;
    } catch (e) {
      if (!(e instanceof DatelineProblem && e.status < 500)) throw e;
    }
  }
  if (!valid) {
    send(res, 401, page({ title: "Invalid preview" }, html`<h1>Invalid or expired preview</h1><p>Ask for a new preview link.</p>`), {
      "Cache-Control": "no-store",
      "X-Robots-Tag": "noindex",
    });
    return;
  }
  // The slug only ever lands in a path of this site: no open redirect.
  res.writeHead(303, { Location: articlePath(slug), "Set-Cookie": cookie(o, token, o.previewMaxAge ?? 3600), "Cache-Control": "no-store" }).end();
}

function sendPage(res: ServerResponse, body: string, preview: boolean) {
  send(res, 200, body, preview
    ? { "Cache-Control": "private, no-store", "X-Robots-Tag": "noindex" }
    : { "Cache-Control": "public, max-age=60" });
}

function send(res: ServerResponse, status: number, body: string, headers: Record<string, string> = {}) {
  res.writeHead(status, { "Content-Type": "text/html; charset=utf-8", Vary: "Cookie", ...headers });
  res.end(res.req.method === "HEAD" ? undefined : body);
}

function cookie(o: SiteOptions, value: string, maxAge: number) {
  return `${PREVIEW_COOKIE}=${encodeURIComponent(value)}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${maxAge}${o.secureCookies ? "; Secure" : ""}`;
}

function cookies(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (req.headers.cookie ?? "").split(";")) {
    const i = part.indexOf("=");
    if (i > 0) out[part.slice(0, i).trim()] = decode(part.slice(i + 1).trim());
  }
  return out;
}

function decode(s: string) {
  try {
    return decodeURIComponent(s);
  } catch {
    throw new NotFound();
  }
}
