// HTML helpers: every value that is not Dateline's sanitised body goes through escapeHtml.
import type { Headline } from "@dateline/client";

const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

export function escapeHtml(value: unknown): string {
  return String(value ?? "").replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

/** A tagged template that escapes every interpolated value, unless it is already Html. */
export class Html {
  constructor(readonly value: string) {}
  toString() {
    return this.value;
  }
}

export function html(strings: TemplateStringsArray, ...values: unknown[]): Html {
  let out = strings[0]!;
  values.forEach((v, i) => {
    out += render(v) + strings[i + 1]!;
  });
  return new Html(out);
}

function render(v: unknown): string {
  if (v instanceof Html) return v.value;
  if (Array.isArray(v)) return v.map(render).join("");
  if (v === null || v === undefined || v === false) return "";
  return escapeHtml(v);
}

/** Trusted HTML: only for the article body, which Dateline sanitises on write. */
export const raw = (value: string | null | undefined) => new Html(value ?? "");

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** 17.Oct.2025: day.Mon.year in UTC, as on the page Dateline grew from. */
export function formatDate(instant: string): string {
  const d = new Date(instant);
  return `${d.getUTCDate()}.${MONTHS[d.getUTCMonth()]}.${d.getUTCFullYear()}`;
}

export const articlePath = (slug: string) => `/articles/${encodeURIComponent(slug)}`;
export const sectionPath = (slug: string) => `/section/${encodeURIComponent(slug)}`;

export function headlineList(items: Headline[], className = "headlines"): Html {
  return html`<ul class="${className}">${items.map(
    (h) => html`<li><a href="${articlePath(h.slug)}">${h.title}</a> <time datetime="${h.publishedAt}">${formatDate(h.publishedAt)}</time></li>`,
  )}</ul>`;
}

export interface PageOptions {
  title: string;
  preview?: boolean;
  sections?: { slug?: string; name?: string }[];
}

export function page(o: PageOptions, main: Html): string {
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
${o.preview ? html`<meta name="robots" content="noindex">` : ""}
<title>${o.title} · Dateline</title>
<style>
  body { font: 17px/1.5 Georgia, serif; margin: 0 auto; max-width: 60rem; padding: 0 1rem; color: #222; }
  header { border-bottom: 3px double #222; display: flex; gap: 1.5rem; align-items: baseline; flex-wrap: wrap; }
  header .brand { font-size: 2rem; font-weight: bold; color: inherit; text-decoration: none; }
  nav a { margin-right: 1rem; }
  .preview-banner { background: #b00020; color: #fff; padding: .5rem 1rem; font-family: sans-serif; font-weight: bold; }
  .preview-banner a { color: #fff; }
  .layout { display: grid; grid-template-columns: minmax(0, 2fr) minmax(0, 1fr); gap: 2rem; }
  @media (max-width: 45rem) { .layout { grid-template-columns: 1fr; } }
  ul.headlines, ul.related { list-style: none; padding: 0; }
  ul.headlines li, ul.related li { margin: .6rem 0; }
  time { color: #666; font-size: .85em; white-space: nowrap; }
  .meta { color: #666; font-family: sans-serif; font-size: .9rem; }
</style>
</head>
<body>
${o.preview ? html`<div class="preview-banner" role="status">Preview: you are seeing unpublished content. <a href="/api/draft/exit">Leave preview</a></div>` : ""}
<header>
<a class="brand" href="/">Dateline</a>
<nav>${(o.sections ?? []).filter((s) => s.slug).map((s) => html`<a href="${sectionPath(s.slug!)}">${s.name ?? s.slug}</a>`)}</nav>
</header>
<main>
${main}
</main>
</body>
</html>
`.value;
}
