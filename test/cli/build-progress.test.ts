import { existsSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { keptProgram } from "../../src/cli/kept-program.ts";
import { summarize } from "../../src/cli/report.ts";
import { PROJECT_ROOT } from "../../src/project-root.ts";
import type { FeedOutcome, UpdatedSource } from "../../src/refresh/update-sources.ts";
import { stateOfRecord } from "../../src/store/feed-record.ts";
import { type FaultPlanet, startFaultPlanet } from "../helpers/fault-planet.ts";
import { sampleRecord } from "../helpers/feed-record-sample.ts";
import { spawnCli } from "../helpers/spawn-process.ts";

describe("npm run build in CI (no terminal)", () => {
  let planet: FaultPlanet;
  beforeAll(async () => {
    planet = await startFaultPlanet(
      [
        { name: "ada", fault: "feed" },
        { name: "lost", fault: "not-found" },
        { name: "ben", fault: "feed" },
      ],
      { now: "2017-04-01T10:00:00.000Z" },
    );
  });
  afterAll(() => planet.close());

  it("prints one line per stage and per problem, then the summary, and exits 0", async () => {
    const outDir = join(planet.work, "site");
    const run = await spawnCli("build.ts", {
      PLANET_CONFIG: planet.env.configPath,
      PLANET_CACHE_DIR: planet.env.cacheDir,
      PLANET_OUT_DIR: outDir,
      PLANET_NOW: "2017-04-01T10:00:00.000Z",
    }).exited;
    expect(run.code).toBe(0);
    expect(run.stderr.split("\n")).toEqual([
      "Fetching 3 feeds…",
      `lost: HTTP 404 Not Found (${planet.urls.get("lost")})`,
      "Fetched: 2 ok, 0 not modified, 1 failed",
      "Rendering…",
      "",
    ]);
    const summary = run.stdout.split("\n");
    expect(summary[0]).toMatch(
      new RegExp(
        `^Built ${outDir}: 4 posts from 3 sources in [\\d.]+ s \\(2 ok, 0 not modified, 1 failed\\); the site is [\\d.]+ MB\\.$`,
      ),
    );
    expect(summary.slice(1)).toEqual([
      "1 feed(s) failing: lost. Their last good posts are kept; see feeds/ and health.json.",
      "  lost: HTTP 404 Not Found",
      "",
    ]);
    expect(existsSync(join(outDir, "index.html"))).toBe(true);
    // Done, it kept the bundle of the build's modules that the next build runs from.
    const command = "src/cli/build-command.ts";
    const program = { root: PROJECT_ROOT, cacheDir: planet.env.cacheDir, entries: [command] };
    expect(keptProgram(program)?.get(command)).toMatch(/^file:\/\/.*\/program\/.*\.js$/);
  }, 120_000);
});

describe("summarize", () => {
  /** A feed after a build, failing `failures` times in a row (0: fine). */
  const feed = (name: string, failures: number, outcome: FeedOutcome): UpdatedSource => ({
    source: {
      kind: "feed",
      name,
      url: `https://${name}.example/feed`,
      link: null,
      face: null,
      categories: [],
      filter: null,
      location: { kind: "http", url: `https://${name}.example/feed` },
      read: () => ({ ok: false, message: "unused", advertisedFeeds: [] }),
    },
    state: stateOfRecord(
      {
        ...sampleRecord(`https://${name}.example/feed`, 1),
        consecutiveFailures: failures,
        error: failures > 0 ? { kind: "timeout", message: `${name} timed out` } : null,
      },
      null,
    ),
    content: null,
    outcome,
    cacheProblem: null,
  });

  it("counts outcomes and names the longest-failing feeds first, at most five", () => {
    const feeds = [
      feed("a", 0, "ok"),
      feed("b", 0, "not-modified"),
      feed("c", 1, "failed"),
      feed("d", 9, "failed"),
      feed("e", 2, "failed"),
      feed("f", 1, "failed"),
      feed("g", 30, "failed"),
      feed("h", 1, "failed"),
    ];
    expect(
      summarize(
        { sources: feeds, posts: 8, outDir: "/srv/planet", siteBytes: 12_345_678 },
        12_345,
      ).split("\n"),
    ).toEqual([
      "Built /srv/planet: 8 posts from 8 sources in 12.3 s (1 ok, 1 not modified, 6 failed); the site is 12.3 MB.",
      "6 feed(s) failing: g, d, e, c, f and 1 more. Their last good posts are kept; see feeds/ and health.json.",
      "  g: g timed out (failing for 30 builds)",
      "  d: d timed out (failing for 9 builds)",
      "  e: e timed out (failing for 2 builds)",
      "  c: c timed out",
      "  f: f timed out",
    ]);
  });

  it("says an offline build read the cache", () => {
    const summary = summarize(
      { sources: [feed("a", 0, "cached")], posts: 1, outDir: "dist", siteBytes: 50_000 },
      100,
    );
    expect(summary).toBe(
      "Built dist: 1 posts from 1 sources in 0.1 s (offline, 1 from the cache); the site is 0.1 MB.",
    );
  });

  it("tells the owner of a site over a static host's 1 GB limit to keep fewer months", () => {
    const summary = summarize(
      { sources: [feed("a", 0, "ok")], posts: 9000, outDir: "dist", siteBytes: 1_200_000_000 },
      100,
    );
    expect(summary.split("\n")[1]).toBe(
      "The site is over 1 GB, the limit of GitHub Pages and other static hosts: set keepMonths in feeds.json to show fewer months of posts.",
    );
  });
});
