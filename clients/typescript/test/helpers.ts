import { inject } from "vitest";
import { createDatelineClient, type DatelineClientOptions } from "../src/index.ts";

export const baseUrl = () => inject("baseUrl");
export const adminToken = () => inject("adminToken");

/** A client with the admin token and a fetch that records what the server answered, before the ETag cache. */
export function recordingClient(options: Partial<DatelineClientOptions> = {}) {
  const calls: { method: string; url: URL; status: number; ifNoneMatch: string | null }[] = [];
  const client = createDatelineClient({
    baseUrl: baseUrl(),
    token: adminToken(),
    fetch: async (request) => {
      const response = await fetch(request);
      calls.push({ method: request.method, url: new URL(request.url), status: response.status, ifNoneMatch: request.headers.get("If-None-Match") });
      return response;
    },
    ...options,
  });
  return { client, calls };
}

let n = 0;
export const unique = (prefix: string) => `${prefix} ${Date.now().toString(36)}-${++n}`;
