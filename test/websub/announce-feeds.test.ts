import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import type { IncomingMessage, ServerResponse } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { announceChangedFeeds } from "../../src/websub/announce-feeds.ts";
import { findClosedPortUrl, startServer, type TestServer } from "../helpers/http-server.ts";
import { sampleSite } from "../helpers/sample-site.ts";

let work: string;
let outDir: string;
let cacheDir: string;
let hub: TestServer | null;
/** The hub.url of every publish request the hub received, in order. */
let published: string[];
let lines: string[];

beforeEach(async () => {
  work = await mkdtemp(join(tmpdir(), "planet-websub-"));
  outDir = join(work, "dist");
  cacheDir = join(work, "cache");
  await mkdir(cacheDir, { recursive: true });
  await writeFeeds({ "rss.xml": "rss 1", "rss20.xml": "rss 1", "atom.xml": "atom 1" });
  published = [];
  lines = [];
  hub = null;
});
afterEach(async () => {
  await hub?.close();
  await rm(work, { recursive: true, force: true });
});

async function writeFeeds(files: Record<string, string>): Promise<void> {
  await mkdir(outDir, { recursive: true });
  for (const [path, text] of Object.entries(files)) await writeFile(join(outDir, path), text);
}

/** A hub answering every publish request with `status` (after reading its form). */
async function startHub(answer: (req: IncomingMessage, res: ServerResponse) => void) {
  hub = await startServer({
    "/hub": (req, res) => {
      let body = "";
      req.on("data", (chunk) => {
        body += chunk;
      });
      req.on("end", () => {
        const form = new URLSearchParams(body);
        expect(req.method).toBe("POST");
        expect(req.headers["content-type"]).toBe("application/x-www-form-urlencoded");
        expect(form.get("hub.mode")).toBe("publish");
        published.push(form.get("hub.url") ?? "");
        answer(req, res);
      });
    },
  });
  return `${hub.url}/hub`;
}

const accept = (_req: IncomingMessage, res: ServerResponse) => res.writeHead(204).end();

async function announce(hubUrl: string | undefined, deadlineMs = 5_000) {
  const site = sampleSite({ members: [] });
  site.config = { ...site.config, hub: hubUrl };
  await announceChangedFeeds(site, outDir, cacheDir, (line) => lines.push(line), deadlineMs);
}

const url = (path: string) => `https://planet.example.org/${path}`;

describe("announceChangedFeeds", () => {
  it("tells the hub of every feed the first time, then only of feeds whose bytes changed", async () => {
    const hubUrl = await startHub(accept);
    await announce(hubUrl);
    expect(published.sort()).toEqual([url("atom.xml"), url("rss.xml"), url("rss20.xml")]);

    published = [];
    await announce(hubUrl);
    expect(published).toEqual([]);

    await writeFeeds({ "atom.xml": "atom 2" });
    await announce(hubUrl);
    expect(published).toEqual([url("atom.xml")]);
    expect(lines.filter((line) => line.startsWith("WebSub hub ht"))).toEqual([]);
  });

  it("does nothing without a hub", async () => {
    await announce(undefined);
    expect(lines).toEqual([]);
  });

  it("reports a refusing hub in one line and tries the same feeds again next time", async () => {
    const hubUrl = await startHub((_req, res) => res.writeHead(503).end("busy"));
    await announce(hubUrl);
    expect(lines).toEqual([
      `WebSub hub ${hubUrl}: 3 of 3 changed feeds not announced (HTTP 503); the next build tries again`,
    ]);
    published = [];
    await announce(hubUrl);
    expect(published).toHaveLength(3);
  });

  it("gives up on a hub that never answers at its deadline, in one line", async () => {
    const hubUrl = await startHub(() => {});
    const started = Date.now();
    await announce(hubUrl, 300);
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain("no answer before the deadline");
  });

  it("reports a hub nobody listens at in one line", async () => {
    const hubUrl = `${await findClosedPortUrl()}/hub`;
    await announce(hubUrl);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^WebSub hub .*: 3 of 3 changed feeds not announced/);
  });

  it("tells a new hub of every feed, even ones the old hub knew", async () => {
    const first = await startHub(accept);
    await announce(first);
    published = [];
    await announce(`${first}?new`);
    expect(published).toHaveLength(3);
  });
});
