import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FeedFileServer, serveFeedFiles } from "../../src/demo/serve-feed-files.ts";
import { ownerFetchOptions } from "../../src/owner/fetch-document.ts";
import { findFeed } from "../../src/owner/find-feed.ts";
import { type RouteHandler, startServer, type TestServer } from "../helpers/http-server.ts";

const SITE = fileURLToPath(new URL("../fixtures/owner/site", import.meta.url));
const OPTIONS = ownerFetchOptions({
  title: "Test Planet",
  link: "https://planet.example.org/",
  fetch: { timeoutSeconds: 5, maxMegabytes: 1 },
});

let site: FeedFileServer;
let moved: TestServer;
beforeAll(async () => {
  site = await serveFeedFiles(SITE);
  const redirect =
    (status: number, to: string): RouteHandler =>
    (_req, res) => {
      res.writeHead(status, { Location: new URL(to, site.url).href }).end();
    };
  moved = await startServer({
    "/permanent": redirect(301, "carol/rss.xml"),
    "/temporary": redirect(302, "carol/rss.xml"),
  });
});
afterAll(async () => {
  await site.close();
  await moved.close();
});

describe("findFeed", () => {
  it("takes a feed URL as it is, with the feed's title", async () => {
    const result = await findFeed(`${site.url}carol/rss.xml`, OPTIONS);
    expect(result).toEqual({
      ok: true,
      feed: {
        url: `${site.url}carol/rss.xml`,
        title: "Carol on packaging",
        page: null,
        entries: 1,
      },
    });
  });

  it("discovers the feed a blog page advertises, passing over an advertised feed that is gone", async () => {
    const page = `${site.url}alice/index.html`;
    const result = await findFeed(page, OPTIONS);
    expect(result).toEqual({
      ok: true,
      feed: { url: `${site.url}alice/atom.xml`, title: "Alice's Nix notes", page, entries: 1 },
    });
    expect(site.requests.map((request) => request.path)).toContain("/alice/old-rss.xml");
  });

  it("fails with advice when a page advertises no feed", async () => {
    const result = await findFeed(`${site.url}dave/index.html`, OPTIONS);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toMatch(/web page that advertises no feed/);
  });

  it("fails when the URL cannot be fetched, naming the HTTP status", async () => {
    const result = await findFeed(`${site.url}nobody/feed.xml`, OPTIONS);
    expect(!result.ok && result.message).toMatch(/could not fetch .*nobody\/feed\.xml: HTTP 404/);
  });

  it("keeps the new URL of a permanent redirect, the asked-for one of a temporary redirect", async () => {
    const permanent = await findFeed(`${moved.url}/permanent`, OPTIONS);
    expect(permanent.ok && permanent.feed.url).toBe(`${site.url}carol/rss.xml`);
    const temporary = await findFeed(`${moved.url}/temporary`, OPTIONS);
    expect(temporary.ok && temporary.feed.url).toBe(`${moved.url}/temporary`);
  });
});
