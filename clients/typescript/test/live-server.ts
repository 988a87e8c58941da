// Starts the packaged Dateline jar for the tests, as scripts/packaged_jar.py does for the Python scripts:
// its own temp working directory (so ./data/dateline is a fresh H2 database), a free port, the demo seed,
// an admin token of the tests' own (Dateline keeps only its SHA-256), no rate limits. Stopped after.
import { spawn, type ChildProcess } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, openSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
    adminToken: string;
  }
}

const repoRoot = resolve(import.meta.dirname, "..", "..", "..");

function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const server = createServer();
    server.once("error", fail);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (address && typeof address === "object" ? ok(address.port) : fail(new Error("no port"))));
    });
  });
}

let proc: ChildProcess | undefined;
let work: string | undefined;

export async function setup(project: TestProject) {
  const jar = process.env.DATELINE_JAR ?? join(repoRoot, "target", "quarkus-app", "quarkus-run.jar");
  if (!existsSync(jar)) throw new Error(`${jar} is missing: run ./mvnw -B -q package -DskipTests at the repo root`);
  work = mkdtempSync(join(tmpdir(), "dateline-ts-client-"));
  const port = await freePort();
  const token = "ts-client-" + randomBytes(16).toString("hex");
  const log = join(work, "dateline.log");
  const out = openSync(log, "a");
  proc = spawn("java", ["-jar", jar], {
    cwd: work,
    stdio: ["ignore", out, out],
    env: {
      ...process.env,
      QUARKUS_HTTP_PORT: String(port),
      QUARKUS_LOG_CONSOLE_JSON_ENABLED: "false",
      DATELINE_DEMO_ENABLED: "true",
      DATELINE_ADMIN_TOKEN_HASH: createHash("sha256").update(token).digest("hex"),
      DATELINE_RATE_LIMIT_MANAGE: "0",
      DATELINE_RATE_LIMIT_DELIVERY: "0",
    },
  });
  let exited: number | null = null;
  proc.once("exit", (code) => (exited = code ?? -1));
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (exited !== null) throw new Error(`Dateline exited with ${exited} during start:\n${readFileSync(log, "utf8").slice(-3000)}`);
    try {
      if ((await fetch(`${baseUrl}/q/health/ready`, { signal: AbortSignal.timeout(2000) })).status === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`Dateline was not ready within 90 s; see ${log}`);
    await new Promise((r) => setTimeout(r, 300));
  }
  project.provide("baseUrl", baseUrl);
  project.provide("adminToken", token);
}

export async function teardown() {
  if (proc && proc.exitCode === null) {
    const gone = new Promise((r) => proc!.once("exit", r));
    proc.kill("SIGTERM");
    const timer = setTimeout(() => proc!.kill("SIGKILL"), 15_000);
    await gone;
    clearTimeout(timer);
  }
  if (work) rmSync(work, { recursive: true, force: true });
}
