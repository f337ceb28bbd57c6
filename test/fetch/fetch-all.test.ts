import { setTimeout as sleep } from "node:timers/promises";
import { afterEach, describe, expect, it } from "vitest";
import {
  fetchAll,
  fetchWithRetry,
  type RetryPolicy,
  runBounded,
} from "../../src/fetch/fetch-all.ts";
import { DEFAULT_FETCH_LIMITS, type FetchOptions } from "../../src/fetch/fetch-feed.ts";
import { type RouteHandler, startServer, type TestServer } from "../helpers/http-server.ts";

const options: FetchOptions = {
  ...DEFAULT_FETCH_LIMITS,
  validators: null,
  userAgent: "Test Planet (planet feed aggregator)",
  timeoutMs: 2_000,
};
const quickRetry: RetryPolicy = { retries: 2, baseDelayMs: 10, deadline: null, maxDelayMs: 5_000 };

const servers: TestServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function serve(routes: Record<string, RouteHandler>): Promise<TestServer> {
  const server = await startServer(routes);
  servers.push(server);
  return server;
}

/** A route answering after `delayMs`, recording the most requests it ever had in flight. */
function slowRoute(delayMs: number): { handler: RouteHandler; peak: () => number } {
  let inFlight = 0;
  let peak = 0;
  const handler: RouteHandler = (_req, res) => {
    inFlight++;
    peak = Math.max(peak, inFlight);
    setTimeout(() => {
      inFlight--;
      res.writeHead(200);
      res.end("<rss/>");
    }, delayMs);
  };
  return { handler, peak: () => peak };
}

/** A route answering with each status in turn, then 200. */
function statusSequence(statuses: number[], headers: Record<string, string> = {}): RouteHandler {
  let call = 0;
  return (_req, res) => {
    const status = statuses[call++] ?? 200;
    res.writeHead(status, status === 200 ? {} : headers);
    res.end(status === 200 ? "<rss/>" : "");
  };
}

describe("runBounded", () => {
  it("returns results in input order whatever order they finish in", async () => {
    const items = [50, 5, 30, 0, 20];
    const results = await runBounded(
      items,
      () => "h",
      async (ms) => {
        await sleep(ms);
        return ms * 2;
      },
      { concurrency: 3, perHost: 3 },
    );
    expect(results).toEqual([100, 10, 60, 0, 40]);
  });

  it("never runs more than `concurrency` jobs at once", async () => {
    let active = 0;
    let peak = 0;
    const items = Array.from({ length: 12 }, (_, i) => i);
    await runBounded(
      items,
      (i) => `host-${i}`,
      async () => {
        active++;
        peak = Math.max(peak, active);
        await sleep(10);
        active--;
      },
      { concurrency: 3, perHost: 4 },
    );
    expect(peak).toBe(3);
  });

  it("rejects when a job throws", async () => {
    const run = runBounded(
      [1, 2],
      () => "h",
      async (n) => {
        if (n === 2) throw new Error("boom");
        return n;
      },
      { concurrency: 2, perHost: 2 },
    );
    await expect(run).rejects.toThrow("boom");
  });

  it("resolves an empty list", async () => {
    expect(
      await runBounded(
        [],
        () => "h",
        async () => 1,
        { concurrency: 2, perHost: 1 },
      ),
    ).toEqual([]);
  });
});

describe("fetchAll", () => {
  it("keeps a slow host to perHost requests at once while others proceed", async () => {
    const slow = slowRoute(150);
    const fast = slowRoute(5);
    const slowServer = await serve({ "/feed": slow.handler });
    const fastServer = await serve({ "/feed": fast.handler });
    const jobs = [
      ...Array.from({ length: 8 }, (_, i) => ({
        url: `${slowServer.url}/feed?${i}`,
        validators: null,
      })),
      ...Array.from({ length: 4 }, (_, i) => ({
        url: `${fastServer.url}/feed?${i}`,
        validators: null,
      })),
    ];
    const results = await fetchAll(jobs, options, { concurrency: 6, perHost: 2 }, quickRetry);
    expect(results.map((r) => r.outcome)).toEqual(jobs.map(() => "ok"));
    expect(results.map((r) => r.url)).toEqual(jobs.map((j) => j.url));
    expect(slow.peak()).toBe(2);
    expect(fast.peak()).toBeLessThanOrEqual(2);
    expect(slowServer.requests).toHaveLength(8);
  });

  it("keeps connections to a host alive: 12 feeds, 2 at a time, over a few connections", async () => {
    const slow = slowRoute(20);
    const server = await serve({ "/feed": slow.handler });
    const jobs = Array.from({ length: 12 }, (_, i) => ({
      url: `${server.url}/feed?${i}`,
      validators: null,
    }));
    const results = await fetchAll(jobs, options, { concurrency: 16, perHost: 2 }, quickRetry);
    expect(results.map((r) => r.outcome)).toEqual(jobs.map(() => "ok"));
    expect(server.requests).toHaveLength(12);
    // A socket returns to the pool a moment after its response ends, so the job started in that
    // moment opens one more: two per slot at most, never one per request.
    expect(server.connections()).toBeLessThanOrEqual(4);
  });
});

describe("fetchWithRetry", () => {
  it("retries a 500 and a 502 and returns the success", async () => {
    const s = await serve({ "/feed": statusSequence([500, 502]) });
    const result = await fetchWithRetry(`${s.url}/feed`, options, quickRetry);
    expect(result.outcome).toBe("ok");
    expect(s.requests).toHaveLength(3);
  });

  it("gives up after `retries` extra attempts", async () => {
    const s = await serve({ "/feed": statusSequence([500, 500, 500, 500]) });
    const result = await fetchWithRetry(`${s.url}/feed`, options, quickRetry);
    expect(result.outcome === "failed" && result.status).toBe(500);
    expect(s.requests).toHaveLength(3);
  });

  it("does not retry a 404", async () => {
    const s = await serve({ "/feed": statusSequence([404]) });
    const result = await fetchWithRetry(`${s.url}/feed`, options, quickRetry);
    expect(result.outcome === "failed" && result.status).toBe(404);
    expect(s.requests).toHaveLength(1);
  });

  it("waits for Retry-After on a 503 before trying again", async () => {
    const s = await serve({ "/feed": statusSequence([503], { "Retry-After": "1" }) });
    const started = Date.now();
    const result = await fetchWithRetry(`${s.url}/feed`, options, quickRetry);
    expect(result.outcome).toBe("ok");
    expect(s.requests).toHaveLength(2);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
  });

  it("does not wait for a Retry-After that ends after the deadline", async () => {
    const s = await serve({ "/feed": statusSequence([429], { "Retry-After": "60" }) });
    const deadline = Date.now() + 5_000;
    const started = Date.now();
    const result = await fetchWithRetry(`${s.url}/feed`, options, { ...quickRetry, deadline });
    expect(result.outcome === "failed" && result.retryAfter).toBe(60);
    expect(s.requests).toHaveLength(1);
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it("stops waiting when the run's signal aborts", async () => {
    const s = await serve({ "/feed": statusSequence([503], { "Retry-After": "3" }) });
    const run = new AbortController();
    setTimeout(() => run.abort(), 50);
    const started = Date.now();
    const result = await fetchWithRetry(
      `${s.url}/feed`,
      { ...options, signal: run.signal },
      quickRetry,
    );
    expect(result.outcome === "failed" && result.status).toBe(503);
    expect(s.requests).toHaveLength(1);
    expect(Date.now() - started).toBeLessThan(2_000);
  });
});
