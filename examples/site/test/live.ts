// Starts the packaged Dateline jar as the TypeScript client's tests do (clients/typescript/test/live-server.ts):
// a temp working directory (a fresh H2 with the demo seed), a free port, an admin token of the test's own
// (Dateline keeps only its SHA-256), no rate limits; and preview URLs pointing at this site's /api/draft.
import { spawn, type ChildProcess } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, openSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

export const repoRoot = resolve(import.meta.dirname, "..", "..", "..");

export function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const server = createServer();
    server.once("error", fail);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (address && typeof address === "object" ? ok(address.port) : fail(new Error("no port"))));
    });
  });
}

export interface LiveDateline {
  baseUrl: string;
  adminToken: string;
  stop(): Promise<void>;
}

export async function startDateline(previewUrlTemplate: string): Promise<LiveDateline> {
  const jar = process.env.DATELINE_JAR ?? join(repoRoot, "target", "quarkus-app", "quarkus-run.jar");
  if (!existsSync(jar)) throw new Error(`${jar} is missing: run ./mvnw -B -q package -DskipTests at the repo root`);
  const work = mkdtempSync(join(tmpdir(), "dateline-site-"));
  const port = await freePort();
  const adminToken = "site-test-" + randomBytes(16).toString("hex");
  const log = join(work, "dateline.log");
  const out = openSync(log, "a");
  const proc: ChildProcess = spawn("java", ["-jar", jar], {
    cwd: work,
    stdio: ["ignore", out, out],
    env: {
      ...process.env,
      QUARKUS_HTTP_PORT: String(port),
      QUARKUS_LOG_CONSOLE_JSON_ENABLED: "false",
      DATELINE_DEMO_ENABLED: "true",
      DATELINE_ADMIN_TOKEN_HASH: createHash("sha256").update(adminToken).digest("hex"),
      DATELINE_RATE_LIMIT_MANAGE: "0",
      DATELINE_RATE_LIMIT_DELIVERY: "0",
      DATELINE_PREVIEW_URL_TEMPLATE: previewUrlTemplate,
    },
  });
  let exited: number | null = null;
  proc.once("exit", (code) => (exited = code ?? -1));
  const stop = async () => {
    if (proc.exitCode === null && proc.signalCode === null) {
      const gone = new Promise((r) => proc.once("exit", r));
      proc.kill("SIGTERM");
      const timer = setTimeout(() => proc.kill("SIGKILL"), 15_000);
      await gone;
      clearTimeout(timer);
    }
    rmSync(work, { recursive: true, force: true });
  };
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (exited !== null) {
      const tail = readFileSync(log, "utf8").slice(-3000);
      await stop();
      throw new Error(`Dateline exited with ${exited} during start:\n${tail}`);
    }
    try {
      if ((await fetch(`${baseUrl}/q/health/ready`, { signal: AbortSignal.timeout(2000) })).status === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`Dateline was not ready within 90 s`);
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  return { baseUrl, adminToken, stop };
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
