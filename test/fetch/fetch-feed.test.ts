import { lookup } from "node:dns/promises";
import type { ServerResponse } from "node:http";
import { brotliCompressSync, deflateSync, gzipSync } from "node:zlib";
import { afterEach, describe, expect, it } from "vitest";
import { DEFAULT_FETCH_LIMITS, type FetchOptions, fetchFeed } from "../../src/fetch/fetch-feed.ts";
import type { FetchResult } from "../../src/model/fetch-result.ts";
import {
  findClosedPortUrl,
  type RouteHandler,
  startServer,
  type TestServer,
} from "../helpers/http-server.ts";

const FEED = '<?xml version="1.0"?><rss version="2.0"><channel><title>T</title></channel></rss>';

const options: FetchOptions = {
  ...DEFAULT_FETCH_LIMITS,
  validators: null,
  userAgent: "Test Planet (+http://planet.test/; planet feed aggregator)",
  timeoutMs: 500,
};

let server: TestServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

async function serve(routes: Record<string, RouteHandler>): Promise<TestServer> {
  server = await startServer(routes);
  return server;
}

function sendFeed(res: ServerResponse, headers: Record<string, string> = {}): void {
  res.writeHead(200, { "Content-Type": "application/rss+xml", ...headers });
  res.end(FEED);
}

function expectFailure(
  result: FetchResult,
  kind: string,
): Extract<FetchResult, { outcome: "failed" }> {
  if (result.outcome !== "failed") throw new Error(`expected failure, got ${result.outcome}`);
  expect(result.error.kind).toBe(kind);
  return result;
}

function text(result: FetchResult): string {
  if (result.outcome !== "ok") throw new Error(`expected ok, got ${JSON.stringify(result)}`);
  return new TextDecoder().decode(result.body);
}

describe("fetchFeed", () => {
  it("sends its headers, keeps validators, and turns a conditional GET into not-modified", async () => {
    const etag = '"v1"';
    const lastModified = "Wed, 01 Jan 2025 10:00:00 GMT";
    const s = await serve({
      "/feed": (req, res) => {
        if (req.headers["if-none-match"] === etag) {
          res.writeHead(304);
          res.end();
          return;
        }
        sendFeed(res, { ETag: etag, "Last-Modified": lastModified });
      },
    });
    const first = await fetchFeed(`${s.url}/feed`, options);
    expect(text(first)).toBe(FEED);
    if (first.outcome !== "ok") return;
    expect(first.status).toBe(200);
    expect(first.contentType).toBe("application/rss+xml");
    expect(first.validators).toEqual({ etag, lastModified });
    expect(s.requests[0]?.headers["user-agent"]).toBe(options.userAgent);
    expect(s.requests[0]?.headers.accept).toMatch(/^application\/atom\+xml, application\/rss\+xml/);
    expect(s.requests[0]?.headers["if-none-match"]).toBeUndefined();

    const second = await fetchFeed(`${s.url}/feed`, { ...options, validators: first.validators });
    expect(second.outcome).toBe("not-modified");
    // The 304 carried no validators: the ones we sent stay valid.
    expect(second.outcome === "not-modified" && second.validators).toEqual({ etag, lastModified });
    expect(s.requests[1]?.headers["if-none-match"]).toBe(etag);
    expect(s.requests[1]?.headers["if-modified-since"]).toBe(lastModified);
  });

  it("decodes gzip, brotli, deflate and stacked codings", async () => {
    const s = await serve({
      "/gz": (_req, res) => {
        res.writeHead(200, { "Content-Encoding": "gzip" });
        res.end(gzipSync(FEED));
      },
      "/br": (_req, res) => {
        res.writeHead(200, { "Content-Encoding": "br" });
        res.end(brotliCompressSync(FEED));
      },
      "/deflate": (_req, res) => {
        res.writeHead(200, { "Content-Encoding": "deflate" });
        res.end(deflateSync(FEED));
      },
      "/twice": (_req, res) => {
        res.writeHead(200, { "Content-Encoding": "gzip, br" });
        res.end(brotliCompressSync(gzipSync(FEED)));
      },
      "/unknown": (_req, res) => {
        res.writeHead(200, { "Content-Encoding": "x-unheard-of" });
        res.end(FEED);
      },
    });
    for (const path of ["/gz", "/br", "/deflate", "/twice", "/unknown"]) {
      expect(text(await fetchFeed(`${s.url}${path}`, options))).toBe(FEED);
    }
    expect(s.requests[0]?.headers["accept-encoding"]).toBe("gzip, br");
  });

  it("sends a request again when its kept-alive connection was closed as it went out", async () => {
    let served = 0;
    const s = await serve({
      "/feed": (req, res) => {
        served++;
        // The second request comes on the first one's connection: drop it unanswered, as a
        // server closing an idle connection at that moment would.
        if (served === 2) {
          req.socket.destroy();
          return;
        }
        sendFeed(res);
      },
    });
    expect(text(await fetchFeed(`${s.url}/feed`, options))).toBe(FEED);
    expect(text(await fetchFeed(`${s.url}/feed`, options))).toBe(FEED);
    expect(s.requests).toHaveLength(3);
    expect(s.connections()).toBe(2);
  });

  it("reports a body that does not decompress as a network failure", async () => {
    const s = await serve({
      "/broken": (_req, res) => {
        res.writeHead(200, { "Content-Encoding": "gzip" });
        res.end("this is not gzip at all");
      },
    });
    const result = expectFailure(await fetchFeed(`${s.url}/broken`, options), "network");
    expect(result.error.message).toBe("the response body could not be decompressed");
  });

  it("reuses a kept-alive connection for the next request to the same host", async () => {
    const s = await serve({
      "/feed": (_req, res) => sendFeed(res, { ETag: '"v1"' }),
      "/unchanged": (_req, res) => {
        res.writeHead(304, { ETag: '"v1"' });
        res.end();
      },
      "/moved": (_req, res) => {
        res.writeHead(302, { Location: "/feed", "Content-Type": "text/html" });
        res.end("<p>moved to /feed</p>");
      },
    });
    text(await fetchFeed(`${s.url}/feed`, options));
    const validators = { etag: '"v1"', lastModified: null };
    expect((await fetchFeed(`${s.url}/unchanged`, { ...options, validators })).outcome).toBe(
      "not-modified",
    );
    text(await fetchFeed(`${s.url}/moved`, options));
    expect(s.requests).toHaveLength(4);
    expect(s.connections()).toBe(1);
  });

  it("follows redirects, noting 301 and 308 as permanent and 302 not", async () => {
    const redirect =
      (status: number, to: string): RouteHandler =>
      (_req, res) => {
        res.writeHead(status, { Location: to });
        res.end();
      };
    const s = await serve({
      "/a": redirect(301, "/b"),
      "/b": redirect(302, "/c?x=1"),
      "/c": redirect(308, "d"),
      "/d": (_req, res) => sendFeed(res),
    });
    const result = await fetchFeed(`${s.url}/a`, {
      ...options,
      validators: { etag: '"e"', lastModified: null },
    });
    expect(text(result)).toBe(FEED);
    expect(result.finalUrl).toBe(`${s.url}/d`);
    expect(result.redirects).toEqual([
      { from: `${s.url}/a`, to: `${s.url}/b`, permanent: true },
      { from: `${s.url}/b`, to: `${s.url}/c?x=1`, permanent: false },
      { from: `${s.url}/c?x=1`, to: `${s.url}/d`, permanent: true },
    ]);
    // Conditional headers go along to the redirect target.
    expect(s.requests.at(-1)?.headers["if-none-match"]).toBe('"e"');
  });

  it("stops a redirect loop and a chain longer than maxRedirects", async () => {
    const s = await serve({
      "/loop-a": (_req, res) => {
        res.writeHead(302, { Location: "/loop-b" });
        res.end();
      },
      "/loop-b": (_req, res) => {
        res.writeHead(302, { Location: "/loop-a" });
        res.end();
      },
      "/chain": (req, res) => {
        const n = Number(new URL(req.url ?? "", "http://x").searchParams.get("n") ?? 0);
        res.writeHead(302, { Location: `/chain?n=${n + 1}` });
        res.end();
      },
    });
    const loop = expectFailure(await fetchFeed(`${s.url}/loop-a`, options), "too-many-redirects");
    expect(loop.error.message).toContain("loop");
    const before = s.requests.length;
    const chain = await fetchFeed(`${s.url}/chain`, { ...options, maxRedirects: 3 });
    expectFailure(chain, "too-many-redirects");
    expect(s.requests.length - before).toBe(4);
  });

  it("reports 404 and 410 as http failures with the status", async () => {
    const s = await serve({
      "/gone": (_req, res) => {
        res.writeHead(410);
        res.end("gone");
      },
    });
    const missing = expectFailure(await fetchFeed(`${s.url}/nothing-here`, options), "http");
    expect(missing.status).toBe(404);
    expect(missing.error.message).toBe("HTTP 404 Not Found");
    expect(missing.retryAfter).toBeNull();
    const gone = expectFailure(await fetchFeed(`${s.url}/gone`, options), "http");
    expect(gone.status).toBe(410);
    expect(gone.error.message).toBe("HTTP 410 Gone");
  });

  it("reads Retry-After on 503 (seconds) and 429 (HTTP date)", async () => {
    const s = await serve({
      "/busy": (_req, res) => {
        res.writeHead(503, { "Retry-After": "120" });
        res.end();
      },
      "/slow-down": (_req, res) => {
        res.writeHead(429, { "Retry-After": new Date(Date.now() + 60_000).toUTCString() });
        res.end();
      },
    });
    const busy = expectFailure(await fetchFeed(`${s.url}/busy`, options), "http");
    expect(busy.retryAfter).toBe(120);
    const limited = expectFailure(await fetchFeed(`${s.url}/slow-down`, options), "http");
    expect(limited.retryAfter).toBeGreaterThanOrEqual(55);
    expect(limited.retryAfter).toBeLessThanOrEqual(61);
  });

  it("times out on a server that never answers", async () => {
    const s = await serve({ "/hang": () => {} });
    const started = Date.now();
    const result = expectFailure(await fetchFeed(`${s.url}/hang`, options), "timeout");
    expect(result.error.message).toBe("no response within 0.5 s");
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it("times out on a body trickled a byte at a time", async () => {
    const s = await serve({
      "/trickle": (_req, res) => {
        res.writeHead(200, { "Content-Type": "application/rss+xml" });
        const timer = setInterval(() => res.write("<"), 100);
        res.on("close", () => clearInterval(timer));
      },
    });
    const started = Date.now();
    const result = expectFailure(await fetchFeed(`${s.url}/trickle`, options), "timeout");
    expect(result.error.message).toBe("response not complete within 0.5 s");
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it("fails as deadline when the run's signal aborts", async () => {
    const s = await serve({ "/hang": () => {} });
    const run = new AbortController();
    setTimeout(() => run.abort(), 50);
    const result = await fetchFeed(`${s.url}/hang`, {
      ...options,
      timeoutMs: 10_000,
      signal: run.signal,
    });
    expectFailure(result, "deadline");
  });

  it("reports a connection reset as a network failure", async () => {
    const s = await serve({ "/reset": (req) => req.socket.destroy() });
    expectFailure(await fetchFeed(`${s.url}/reset`, options), "network");
  });

  it("cuts an endless body and a gzip bomb at maxBytes", async () => {
    const bomb = gzipSync(Buffer.alloc(50 * 1024 * 1024));
    expect(bomb.byteLength).toBeLessThan(200 * 1024);
    const s = await serve({
      "/endless": (_req, res) => {
        res.writeHead(200);
        const chunk = Buffer.alloc(64 * 1024, "a");
        const pump = (): void => {
          while (!res.destroyed && res.write(chunk)) {}
        };
        res.on("drain", pump);
        pump();
      },
      "/bomb": (_req, res) => {
        res.writeHead(200, { "Content-Encoding": "gzip" });
        res.end(bomb);
      },
    });
    const limits = { ...options, timeoutMs: 10_000, maxBytes: 1024 * 1024 };
    const endless = expectFailure(await fetchFeed(`${s.url}/endless`, limits), "too-large");
    expect(endless.error.message).toBe("response larger than 1 MiB");
    expectFailure(await fetchFeed(`${s.url}/bomb`, limits), "too-large");
  });

  it("fails an empty 200 as empty", async () => {
    const s = await serve({
      "/empty": (_req, res) => {
        res.writeHead(200, { "Content-Type": "application/rss+xml" });
        res.end();
      },
    });
    const result = expectFailure(await fetchFeed(`${s.url}/empty`, options), "empty");
    expect(result.status).toBe(200);
  });

  it("reports a refused connection plainly", async () => {
    const url = `${await findClosedPortUrl()}/feed`;
    const result = expectFailure(await fetchFeed(url, options), "network");
    expect(result.error.message).toBe("connection refused");
  });

  it("reports TLS failures as tls", async () => {
    const s = await serve({ "/feed": (_req, res) => sendFeed(res) });
    // Speaking TLS to a plain-HTTP port fails in the handshake, with no certificate needed.
    const result = await fetchFeed(`${s.url.replace("http:", "https:")}/feed`, options);
    expectFailure(result, "tls");
  });

  it("reports an unresolvable host as dns", async (context) => {
    const started = Date.now();
    const resolves = await lookup("planet-test.invalid").then(
      () => "resolved",
      (error: unknown) =>
        error instanceof Error && "code" in error ? String(error.code) : "error",
    );
    if (resolves !== "ENOTFOUND" || Date.now() - started > 2_000) {
      context.skip(`the local resolver does not fail .invalid fast (${resolves})`);
    }
    const result = expectFailure(
      await fetchFeed("http://planet-test.invalid/feed", options),
      "dns",
    );
    expect(result.error.message).toBe("could not resolve host planet-test.invalid");
  });

  it("refuses non-http URLs without a request", async () => {
    const result = expectFailure(await fetchFeed("file:///etc/passwd", options), "network");
    expect(result.error.message).toContain("not an http(s) URL");
  });
});
