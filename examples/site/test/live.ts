// What the site's browser test needs besides a live Dateline, which it starts as the client's tests do
// (clients/typescript/test/dateline-jar.ts), with preview URLs pointing at this site's /api/draft.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { repoRoot, startDateline as startJar, type LiveDateline } from "../../../clients/typescript/test/dateline-jar.ts";

export { freePort, type LiveDateline } from "../../../clients/typescript/test/dateline-jar.ts";

export function startDateline(previewUrlTemplate: string): Promise<LiveDateline> {
  return startJar({ DATELINE_PREVIEW_URL_TEMPLATE: previewUrlTemplate });
}

export interface SeedPage {
  title: string;
  /** The body's text, its hard-wrapped lines joined with spaces. */
  bodyText: string;
  headlines: { title: string; date: string }[];
}

/** src/main/resources/demo/seed-page.txt, read as Dateline's SeedPage reads it. */
export function readSeedPage(): SeedPage {
  const lines = readFileSync(join(repoRoot, "src", "main", "resources", "demo", "seed-page.txt"), "utf8")
    .split(/\r?\n/)
    .map((l) => l.trim());
  const gap = lines.indexOf("");
  const rest = lines.slice(gap).filter((l) => l !== "");
  const headlines = [];
  for (let i = 0; i + 1 < rest.length; i += 2) headlines.push({ title: rest[i]!, date: rest[i + 1]! });
  return { title: lines[0]!, bodyText: lines.slice(1, gap).join(" "), headlines };
}
