// Starts the packaged Dateline jar for tests that need a live one (this client's, and examples/site's), as
// scripts/packaged_jar.py does for the Python scripts: its own temp working directory (so ./data/dateline is
// a fresh H2 database), a free port, the demo seed, an admin token of the test's own (Dateline keeps only its
// SHA-256), no rate limits, plus whatever settings the caller adds. No test framework here: both use it.
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

export async function startDateline(env: Record<string, string> = {}): Promise<LiveDateline> {
  const jar = process.env.DATELINE_JAR ?? join(repoRoot, "target", "quarkus-app", "quarkus-run.jar");
  if (!existsSync(jar)) throw new Error(`${jar} is missing: run ./mvnw -B -q package -DskipTests at the repo root`);
  const work = mkdtempSync(join(tmpdir(), "dateline-test-"));
  const port = await freePort();
  const adminToken = "test-" + randomBytes(16).toString("hex");
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
      ...env,
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
