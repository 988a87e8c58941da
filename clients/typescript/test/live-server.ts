// vitest's global setup: one live Dateline (test/dateline-jar.ts) for every test file, stopped after.
import type { TestProject } from "vitest/node";
import { startDateline, type LiveDateline } from "./dateline-jar.ts";

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
    adminToken: string;
  }
}

let dateline: LiveDateline | undefined;

export async function setup(project: TestProject) {
  dateline = await startDateline();
  project.provide("baseUrl", dateline.baseUrl);
  project.provide("adminToken", dateline.adminToken);
}

export async function teardown() {
  await dateline?.stop();
}
