// The site in a real headless Chromium (Debian's /usr/bin/chromium driven by playwright-core), against the
// packaged Dateline jar with its demo content. Screenshots go to test-results/.
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import type { Server } from "node:http";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { chromium, type Browser, type Page } from "playwright-core";
import { createDatelineClient } from "@dateline/client";
import { createSite } from "../src/server.ts";
import { freePort, readSeedPage, startDateline, type LiveDateline } from "./live.ts";

const results = join(import.meta.dirname, "..", "test-results");
const seed = readSeedPage();
const squash = (s: string) => s.replace(/\s+/g, " ").trim();

let dateline: LiveDateline;
let site: Server;
let siteUrl: string;
let browser: Browser;
let page: Page;

async function shot(p: Page, name: string) {
  await p.screenshot({ path: join(results, `${name}.png`), fullPage: true });
}

/** Title, date and link of every item of a headline list. */
async function headlines(p: Page, selector: string) {
  return p.locator(`${selector} li`).evaluateAll((items) =>
    items.map((li) => ({
      title: li.querySelector("a")!.textContent!,
      date: li.querySelector("time")!.textContent!,
      href: li.querySelector("a")!.getAttribute("href")!,
    })),
  );
}

describe("the reference site in headless Chromium", { timeout: 180_000 }, () => {
  before(async () => {
    mkdirSync(results, { recursive: true });
    const sitePort = await freePort();
    siteUrl = `http://127.0.0.1:${sitePort}`;
    dateline = await startDateline(`${siteUrl}/api/draft?token={token}&slug={slug}`);
    site = createSite({ datelineUrl: dateline.baseUrl });
    await new Promise<void>((ok) => site.listen(sitePort, "127.0.0.1", ok));
    browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: ["--no-sandbox"] });
    page = await (await browser.newContext()).newPage();
  });

  after(async () => {
    await browser?.close();
    await new Promise((r) => (site ? site.close(r) : r(undefined)));
    await dateline?.stop();
  });

  test("the home page lists the newest headlines with their dates, linking to their articles", async () => {
    const response = await page.goto(siteUrl + "/");
    assert.equal(response?.status(), 200);
    await shot(page, "1-home");
    const items = await headlines(page, "main ul.headlines");
    // The lead article gets the page's newest date, ahead of the related headlines in the page's order.
    const expected = [{ title: seed.title, date: seed.headlines[0]!.date }, ...seed.headlines];
    assert.deepEqual(items.slice(0, expected.length).map(({ title, date }) => ({ title, date })), expected);
    for (const item of items) assert.match(item.href, /^\/articles\/[a-z0-9-]+$/);
    for (const { title } of expected) assert.ok(await page.getByRole("link", { name: title, exact: true }).isVisible(), title);
  });

  test("the lead article: title, body, section, date and its ten related headlines in the seed's order", async () => {
    await page.getByRole("link", { name: seed.title, exact: true }).click();
    await page.waitForURL(/\/articles\//);
    await shot(page, "2-lead-article");
    assert.equal(await page.locator("article h1").textContent(), seed.title);
    assert.equal(await page.title(), `${seed.title} · Dateline`);
    assert.equal(squash(await page.locator("article .body").innerText()), squash(seed.bodyText));
    assert.equal(await page.locator("article .meta a.section").textContent(), "World");
    assert.equal(await page.locator("article .meta time").textContent(), seed.headlines[0]!.date);
    assert.ok(await page.getByRole("heading", { name: "More on this" }).isVisible());
    const related = await headlines(page, "aside ul.related");
    assert.equal(related.length, 10);
    assert.deepEqual(related.map(({ title, date }) => ({ title, date })), seed.headlines);
    assert.equal(await page.locator("meta[name=robots]").count(), 0);
  });

  test("a related headline links to its article", async () => {
    const first = seed.headlines[0]!;
    await page.locator("aside ul.related").getByRole("link", { name: first.title, exact: true }).click();
    await page.waitForURL((url) => !url.pathname.includes("russia-fires-tass"));
    await shot(page, "3-related-article");
    assert.equal(await page.locator("article h1").textContent(), first.title);
    assert.equal(await page.locator("article .meta time").textContent(), first.date);
  });

  test("the section page lists its headlines", async () => {
    await page.locator("article .meta a.section").click();
    await page.waitForURL(/\/section\/world$/);
    await shot(page, "4-section");
    assert.equal(await page.locator("main h1").textContent(), "World");
    const titles = (await headlines(page, "main ul.headlines")).map((h) => h.title);
    assert.ok(titles.includes(seed.title));
    assert.equal((await page.goto(siteUrl + "/section/no-such-section"))?.status(), 404);
  });

  test("a draft through its preview URL: the draft with a Preview banner, noindex; without the cookie a 404", async () => {
    const admin = createDatelineClient({ baseUrl: dateline.baseUrl, token: dateline.adminToken, etagCache: false });
    // Markup in a title must come out as text.
    const title = `Draft: Baku & Ankara <em>"talks"</em> ${Date.now().toString(36)}`;
    const { data: draft } = await admin.createArticle({ title, body: "<p>Not yet published.</p>", section: "world" });
    const preview = await admin.createPreview(draft.id!);
    assert.ok(preview.url?.startsWith(`${siteUrl}/api/draft?token=`), String(preview.url));

    const response = await page.goto(preview.url!);
    assert.equal(new URL(page.url()).pathname, `/articles/${draft.slug}`);
    assert.equal(response?.status(), 200);
    assert.equal(response?.headers()["x-robots-tag"], "noindex");
    await shot(page, "5-preview");
    assert.equal(await page.locator("article h1").textContent(), title);
    assert.equal(await page.locator("article h1 em").count(), 0);
    assert.equal(squash(await page.locator("article .body").innerText()), "Not yet published.");
    assert.equal(await page.locator("article .meta .unpublished").textContent(), "Not yet published");
    const banner = page.locator(".preview-banner");
    assert.ok(await banner.isVisible());
    assert.match((await banner.textContent())!, /Preview/);
    const cookie = (await page.context().cookies()).find((c) => c.name === "dateline-preview");
    assert.ok(cookie?.httpOnly, "the preview cookie is httpOnly");

    // The same article URL in a fresh browser context (no cookie): the draft is not there.
    const fresh = await browser.newContext();
    const stranger = await fresh.newPage();
    const notFound = await stranger.goto(`${siteUrl}/articles/${draft.slug}`);
    await shot(stranger, "6-draft-without-cookie");
    assert.equal(notFound?.status(), 404);
    assert.equal(await stranger.locator("h1").textContent(), "Page not found");
    assert.equal(await stranger.locator(".preview-banner").count(), 0);
    assert.equal(await stranger.getByText(title).count(), 0);

    // A token that does not check out sets no cookie.
    const bad = await stranger.goto(`${siteUrl}/api/draft?token=not-a-token&slug=${draft.slug}`);
    assert.equal(bad?.status(), 401);
    assert.equal((await fresh.cookies()).length, 0);
    await fresh.close();
  });
});
