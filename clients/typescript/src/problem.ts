import type { components } from "./generated/schema.d.ts";

export type Problem = components["schemas"]["Problem"];
export type Violation = components["schemas"]["Violation"];

/**
 * Every non-2xx answer, as the RFC 9457 problem+json Dateline sends (type, title, status, detail, instance,
 * violations). Extension members (currentVersion, currentStatus, articleId, ...) are in `extensions`.
 * An answer that is not problem+json (a proxy's HTML 502, say) still becomes one, with type about:blank.
 */
export class DatelineProblem extends Error {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string | undefined;
  readonly instance: string | undefined;
  readonly violations: Violation[];
  /** Members beyond the standard ones, e.g. currentVersion on a 412. */
  readonly extensions: Record<string, unknown>;
  /** The HTTP response (its body already read). */
  readonly response: Response | undefined;

  constructor(problem: Problem & Record<string, unknown>, response?: Response) {
    const status = problem.status ?? response?.status ?? 0;
    const title = problem.title ?? response?.statusText ?? "HTTP error";
    super(`${status} ${title}${problem.detail ? `: ${problem.detail}` : ""} (${problem.type ?? "about:blank"})`);
    this.name = "DatelineProblem";
    this.type = problem.type ?? "about:blank";
    this.title = title;
    this.status = status;
    this.detail = problem.detail;
    this.instance = problem.instance;
    this.violations = problem.violations ?? [];
    const { type: _t, title: _ti, status: _s, detail: _d, instance: _i, violations: _v, ...rest } = problem;
    this.extensions = rest;
    this.response = response;
  }

  /** Reads a non-2xx response (consuming its body) into a DatelineProblem. */
  static async fromResponse(response: Response): Promise<DatelineProblem> {
    const text = await response.text().catch(() => "");
    let body: unknown;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      body = undefined;
    }
    if (body && typeof body === "object" && !Array.isArray(body)) {
      return new DatelineProblem({ status: response.status, ...(body as Problem & Record<string, unknown>) }, response);
    }
    return new DatelineProblem({ status: response.status, title: response.statusText || "HTTP error", detail: text.slice(0, 500) || undefined }, response);
  }
}

export const isProblem = (e: unknown, type?: string): e is DatelineProblem =>
  e instanceof DatelineProblem && (type === undefined || e.type === type);

/** Problem types the client reacts to. */
export const ProblemTypes = {
  staleVersion: "urn:dateline:problem:stale-version",
  invalidCursor: "urn:dateline:problem:invalid-cursor",
  syncTokenExpired: "urn:dateline:problem:sync-token-expired",
} as const;
