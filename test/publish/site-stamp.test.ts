import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { parseConfig } from "../../src/config/load-config.ts";
import {
  codeDigest,
  currentStamp,
  dropStamp,
  listSite,
  type SiteStamp,
  saveStamp,
  siteInputs,
} from "../../src/publish/site-stamp.ts";
import { describeHealth } from "../../src/refresh/describe-health.ts";
import type { UpdatedSource } from "../../src/refresh/update-sources.ts";
import { stateOfRecord } from "../../src/store/feed-record.ts";
import { sampleRecord } from "../helpers/feed-record-sample.ts";

const FEED = "https://ada.example/feed.xml";
const NOW = new Date("2025-03-02T12:00:00Z");
const config = parseConfig(
  JSON.stringify({
    title: "Planet",
    link: "https://planet.example/",
    feeds: [{ name: "Ada", url: FEED }],
  }),
  "feeds.json",
);

/** Ada's feed after a build, its content in the file named by `contentSha256`. */
function ada(contentSha256: string | null, fields: { feedTitle?: string } = {}): UpdatedSource {
  const record = { ...sampleRecord(FEED, 2), redirects: [], ...fields };
  const state = stateOfRecord(record, contentSha256);
  return {
    source: {
      kind: "feed",
      name: "Ada",
      url: FEED,
      link: null,
      face: null,
      categories: [],
      filter: null,
      location: { kind: "http", url: FEED },
      read: () => ({ ok: false, message: "unused", advertisedFeeds: [] }),
    },
    state,
    content: null,
    outcome: "not-modified",
    cacheProblem: null,
  };
}

const healthOf = (sources: UpdatedSource[], now = NOW) => ({
  feeds: sources.map(({ source, state }) => describeHealth(source.name, state, now)),
  events: [],
});

let root: string;
let cacheDir: string;
let outDir: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), "planet-stamp-"));
  for (const folder of ["src", "public"]) await mkdir(join(root, folder));
  await writeFile(join(root, "src", "page.astro"), "<h1>{title}</h1>");
  cacheDir = join(root, "cache");
  outDir = join(root, "dist");
  await mkdir(cacheDir);
  await mkdir(outDir);
  await writeFile(join(outDir, "index.html"), "<h1>Planet</h1>");
  await writeFile(join(outDir, "rss.xml"), "<rss/>");
  await mkdir(join(root, "elsewhere"));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

const SHA_A = "a".repeat(64);
const SHA_B = "b".repeat(64);

describe("siteInputs", () => {
  const inputsOf = (source: UpdatedSource, now = NOW) =>
    siteInputs(config, [source], healthOf([source], now), codeDigest(root));

  it("is the same for the same sources, config and code", async () => {
    expect(await inputsOf(ada(SHA_A))).toBe(await inputsOf(ada(SHA_A)));
  });

  it("changes with a source's content file, its title, or a file of the code", async () => {
    const first = await inputsOf(ada(SHA_A));
    expect(await inputsOf(ada(SHA_B))).not.toBe(first);
    expect(await inputsOf(ada(SHA_A, { feedTitle: "Renamed" }))).not.toBe(first);
    await writeFile(join(root, "src", "page.astro"), "<h2>{title}</h2>");
    expect(await inputsOf(ada(SHA_A))).not.toBe(first);
  });

  it("changes when the clock changes what the feeds page says (a quiet feed)", async () => {
    const later = new Date("2030-01-01T00:00:00Z");
    expect(await inputsOf(ada(SHA_A), later)).not.toBe(await inputsOf(ada(SHA_A)));
  });

  it("is null for posts held in memory with no content file to name them", async () => {
    const unsaved = { ...ada(null), content: { posts: sampleRecord(FEED, 2).posts, events: [] } };
    expect(await inputsOf(unsaved)).toBeNull();
  });
});

describe("currentStamp", () => {
  const stamp = (fields: Partial<SiteStamp> = {}): SiteStamp => ({
    outDir,
    inputs: "inputs-1",
    renderedAt: "2025-03-01T12:00:00.000Z",
    changesAt: "2025-03-05T00:00:00.000Z",
    posts: 42,
    filtered: {},
    files: ["index.html", "rss.xml"],
    bytes: 21,
    ...fields,
  });

  it("lists the files the site holds and their bytes, for the stamp and the summary", async () => {
    const { files, bytes } = await listSite(outDir);
    expect({ files: files.sort(), bytes }).toEqual({ files: ["index.html", "rss.xml"], bytes: 21 });
  });

  it("gives back the stamp while the inputs, the folder and the clock's window are the same", async () => {
    await saveStamp(cacheDir, stamp());
    const current = await currentStamp(cacheDir, outDir, "inputs-1", NOW);
    expect(current).toEqual(stamp());
  });

  it("is null once a file the render wrote is gone", async () => {
    await saveStamp(cacheDir, stamp());
    await rm(join(outDir, "rss.xml"));
    expect(await currentStamp(cacheDir, outDir, "inputs-1", NOW)).toBeNull();
  });

  it.each<[string, string | null, string | null, Date]>([
    ["other inputs", null, "inputs-2", NOW],
    ["no inputs", null, null, NOW],
    ["another output folder", "elsewhere", "inputs-1", NOW],
    ["a held-back post or an event's end reached", null, "inputs-1", new Date("2025-03-05")],
    ["a clock set back before the render", null, "inputs-1", new Date("2025-03-01T11:59:59Z")],
  ])("is null for %s", async (_case, folder, inputs, now) => {
    await saveStamp(cacheDir, stamp(folder === null ? {} : { outDir: join(root, folder) }));
    expect(await currentStamp(cacheDir, outDir, inputs, now)).toBeNull();
  });

  it("never expires without a change to come, and is null once dropped or the site is gone", async () => {
    await saveStamp(cacheDir, stamp({ changesAt: null }));
    expect(await currentStamp(cacheDir, outDir, "inputs-1", new Date("2099-01-01"))).not.toBeNull();
    await rm(join(outDir, "index.html"));
    expect(await currentStamp(cacheDir, outDir, "inputs-1", NOW)).toBeNull();
    await writeFile(join(outDir, "index.html"), "<h1>Planet</h1>");
    await dropStamp(cacheDir);
    expect(await currentStamp(cacheDir, outDir, "inputs-1", NOW)).toBeNull();
  });

  it("is null for a damaged stamp file", async () => {
    await writeFile(join(cacheDir, "rendered.json"), "{ half a stamp");
    expect(await currentStamp(cacheDir, outDir, "inputs-1", NOW)).toBeNull();
  });
});
