import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // One live Dateline for all files, started and stopped by test/live-server.ts.
    globalSetup: ["test/live-server.ts"],
    // The files write to the same server (headline counts, sync changes): one at a time.
    fileParallelism: false,
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
