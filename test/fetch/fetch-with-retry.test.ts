import { setTimeout as delay } from "node:timers/promises";
import { afterEach, describe, expect, it } from "vitest";
import { DEFAULT_FETCH_LIMITS, type FetchOptions } from "../../src/fetch/fetch-feed.ts";
import { fetchWithRetry, type RetryPolicy } from "../../src/fetch/fetch-with-retry.ts";
import { type ConcurrencyLimits, hostOfUrl, runBounded } from "../../src/fetch/run-bounded.ts";
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

describe("fetchWithRetry under runBounded, as a build fetches", () => {
  /** Fetches `urls` under `limits`, by host, with quick retries; results in input order. */
  const fetchUnder = (urls: string[], limits: ConcurrencyLimits) =>
    runBounded(urls, hostOfUrl, (url) => fetchWithRetry(url, options, quickRetry), limits);

  it("keeps a slow host to perHost requests at once while others proceed", async () => {
    const slow = slowRoute(150);
    const fast = slowRoute(5);
    const slowServer = await serve({ "/feed": slow.handler });
    const fastServer = await serve({ "/feed": fast.handler });
    const urls = [
      ...Array.from({ length: 8 }, (_, i) => `${slowServer.url}/feed?${i}`),
      ...Array.from({ length: 4 }, (_, i) => `${fastServer.url}/feed?${i}`),
    ];
    const results = await fetchUnder(urls, { concurrency: 6, perHost: 2 });
    expect(results.map((r) => r.outcome)).toEqual(urls.map(() => "ok"));
    expect(results.map((r) => r.url)).toEqual(urls);
    expect(slow.peak()).toBe(2);
    expect(fast.peak()).toBeLessThanOrEqual(2);
    expect(slowServer.requests).toHaveLength(8);
  });

  it("keeps connections to a host alive: 12 feeds, 2 at a time, over a few connections", async () => {
    const slow = slowRoute(20);
    const server = await serve({ "/feed": slow.handler });
    const urls = Array.from({ length: 12 }, (_, i) => `${server.url}/feed?${i}`);
    const results = await fetchUnder(urls, { concurrency: 16, perHost: 2 });
    expect(results.map((r) => r.outcome)).toEqual(urls.map(() => "ok"));
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
    // Aborted during the wait for the retry, once the first answer is in, however busy the
    // machine: a fixed delay from the start could abort the first request instead.
    const aborting = (async () => {
      while (s.requests.length === 0) await delay(10);
      await delay(300);
      run.abort();
    })();
    const started = Date.now();
    const result = await fetchWithRetry(
      `${s.url}/feed`,
      { ...options, signal: run.signal },
      quickRetry,
    );
    expect(result.outcome === "failed" && result.status).toBe(503);
    expect(s.requests).toHaveLength(1);
    expect(Date.now() - started).toBeLessThan(2_500);
    await aborting;
  });
});
