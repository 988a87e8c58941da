// npm run check: the committed src/generated/schema.d.ts must be exactly what openapi-typescript makes of
// the committed contract (regenerated into a temp file and compared), then everything must type-check
// with tsc --strict. Contract drift, or hand-written code the contract no longer fits, fails here.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const bin = (name) => join(root, "node_modules", ".bin", name);
const committed = join(root, "src", "generated", "schema.d.ts");
const temp = mkdtempSync(join(tmpdir(), "dateline-schema-"));
try {
  const fresh = join(temp, "schema.d.ts");
  execFileSync(bin("openapi-typescript"), [join(root, "..", "..", "openapi", "openapi.yaml"), "-o", fresh],
    { cwd: root, stdio: ["ignore", "ignore", "inherit"] });
  if (readFileSync(fresh, "utf8") !== readFileSync(committed, "utf8")) {
    console.error("src/generated/schema.d.ts is out of date with openapi/openapi.yaml: run `npm run generate` and commit it");
    try {
      execFileSync("diff", ["-u", committed, fresh], { stdio: "inherit" });
    } catch {
      // diff exits 1 when the files differ; its output is the point
    }
    process.exit(1);
  }
  console.log("schema.d.ts matches openapi/openapi.yaml");
} finally {
  rmSync(temp, { recursive: true, force: true });
}
try {
  execFileSync(bin("tsc"), ["-p", join(root, "tsconfig.json"), "--strict", "--noEmit"], { cwd: root, stdio: "inherit" });
} catch {
  console.error("tsc --strict --noEmit found type errors (above)");
  process.exit(1);
}
console.log("tsc --strict --noEmit: no errors");
