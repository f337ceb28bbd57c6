import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type TestServer } from "../helpers/http-server.ts";

// The agents read the proxy settings when their module loads, so this file sets them first and
// imports fetchFeed afterwards (each test file loads its modules afresh).

const FEED = '<?xml version="1.0"?><rss version="2.0"><channel><title>T</title></channel></rss>';

let proxy: TestServer;
beforeAll(async () => {
  // A forward proxy receives the absolute URL in the request line; the test server routes on
  // the path, so one route answers for the feed it is asked for.
  proxy = await startServer({
    "http://feeds.planet-test.invalid/feed.xml": (_req, res) => {
      res.writeHead(200, { "Content-Type": "application/rss+xml" });
      res.end(FEED);
    },
  });
  process.env.NODE_USE_ENV_PROXY = "1";
  process.env.HTTP_PROXY = proxy.url;
});
afterAll(async () => {
  delete process.env.NODE_USE_ENV_PROXY;
  delete process.env.HTTP_PROXY;
  await proxy.close();
});

describe("fetchFeed behind a proxy", () => {
  it("sends its requests through HTTP_PROXY once NODE_USE_ENV_PROXY=1", async () => {
    const { DEFAULT_FETCH_LIMITS, fetchFeed } = await import("../../src/fetch/fetch-feed.ts");
    const result = await fetchFeed("http://feeds.planet-test.invalid/feed.xml", {
      ...DEFAULT_FETCH_LIMITS,
      validators: null,
      userAgent: "Test Planet",
      timeoutMs: 2_000,
    });
    expect(result.outcome).toBe("ok");
    expect(proxy.requests.map((request) => request.path)).toEqual([
      "http://feeds.planet-test.invalid/feed.xml",
    ]);
  });
});
