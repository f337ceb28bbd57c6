import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ConfigError, loadConfig, parseConfig } from "../../src/config/load-config.ts";
import { writeServedConfig } from "../../src/demo/demo-config.ts";
import { serveFeedFiles } from "../../src/demo/serve-feed-files.ts";
import { ROOT } from "../helpers/site-build.ts";

const MINIMAL = {
  title: "Test Planet",
  link: "https://planet.example.org/",
  feeds: [{ name: "Alice", url: "https://alice.example.org/feed.atom" }],
};

/** The problems parseConfig reports for `config`; fails the test if it accepts it. */
function problemsOf(config: unknown, text = JSON.stringify(config)): string[] {
  try {
    parseConfig(text, "feeds.json");
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error("the configuration was accepted");
}

const withFeeds = (...feeds: unknown[]) => ({ ...MINIMAL, feeds });

let work: string;
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), "planet-config-"));
});
afterAll(() => rm(work, { recursive: true, force: true }));

describe("a valid configuration", () => {
  it("gets every default filled in", () => {
    const config = parseConfig(JSON.stringify(MINIMAL), "feeds.json");
    expect(config).toEqual({
      title: "Test Planet",
      link: "https://planet.example.org/",
      description: "",
      language: "en",
      timezone: "UTC",
      postsPerPage: 60,
      upcomingEvents: 5,
      fetch: {
        concurrency: 256,
        perHost: 4,
        timeoutSeconds: 20,
        deadlineSeconds: 300,
        maxMegabytes: 15,
      },
      feeds: [{ name: "Alice", url: "https://alice.example.org/feed.atom", categories: [] }],
      events: [],
      hide: [],
    });
  });

  it("allows $schema and keeps explicit values", () => {
    const config = parseConfig(
      JSON.stringify({
        ...MINIMAL,
        $schema: "./feeds.schema.json",
        timezone: "Europe/Berlin",
        fetch: { concurrency: 2 },
        events: [{ name: "Meetup", url: "events/local.ics", timezone: "Asia/Tokyo" }],
      }),
      "feeds.json",
    );
    expect(config.$schema).toBe("./feeds.schema.json");
    expect(config.timezone).toBe("Europe/Berlin");
    expect(config.fetch).toMatchObject({ concurrency: 2, perHost: 4 });
    expect(config.events).toEqual([
      { name: "Meetup", url: "events/local.ics", timezone: "Asia/Tokyo" },
    ]);
  });

  it("accepts an empty list of feeds", () => {
    expect(parseConfig(JSON.stringify(withFeeds()), "feeds.json").feeds).toEqual([]);
  });
});

describe("problems are reported with their field path", () => {
  it("names a feed URL that is not a URL by its index", () => {
    const feeds = ["a", "b", "c"].map((name) => ({ name, url: `https://${name}.example/feed` }));
    expect(problemsOf(withFeeds(...feeds, { name: "d", url: "not a url" }))).toEqual([
      "feeds[3].url: not a URL",
    ]);
  });

  it("rejects a non-http(s) feed URL", () => {
    expect(problemsOf(withFeeds({ name: "a", url: "ftp://a.example/feed" }))).toEqual([
      "feeds[0].url: not an http(s) URL",
    ]);
    expect(problemsOf({ ...MINIMAL, link: "javascript:alert(1)" })).toEqual([
      "link: not an http(s) URL",
    ]);
  });

  it("reports an unknown key in a feed and at the top level", () => {
    expect(problemsOf(withFeeds({ nmae: "a", name: "a", url: "https://a.example/" }))).toEqual([
      'feeds[0]: unknown key "nmae"',
    ]);
    expect(problemsOf({ ...MINIMAL, x: 1 })).toEqual(['(top level): unknown key "x"']);
  });

  it("tells the owner to remove a key that is no longer used", () => {
    expect(problemsOf({ ...MINIMAL, postsPerSearchBundle: 2000 })).toEqual([
      "postsPerSearchBundle: no longer used (the search index follows the archive pages): remove it",
    ]);
  });

  it("names each problem of a feed's filter and of the hide list by its field", () => {
    const feed = { name: "Carol", url: "https://carol.example.com/feed/" };
    const filters = [
      { categories: "nixos" },
      { keywords: ["nix", " "] },
      { exclude: [3] },
      { keyword: ["nix"] },
    ];
    expect(
      problemsOf(
        withFeeds(...filters.map((filter, i) => ({ ...feed, url: `${feed.url}${i}`, filter }))),
      ),
    ).toEqual([
      "feeds[0].filter.categories: must be a list of strings",
      "feeds[1].filter.keywords[1]: must not be empty (a keyword)",
      "feeds[2].filter.exclude[0]: must be a string (a word)",
      'feeds[3].filter: unknown key "keyword"',
    ]);
    expect(problemsOf({ ...MINIMAL, hide: "https://a.example/post" })).toEqual([
      "hide: must be a list of post links or ids",
    ]);
    expect(problemsOf({ ...MINIMAL, hide: [""] })).toEqual([
      "hide[0]: must not be empty (a post link or id)",
    ]);
  });

  it("takes a WebSub hub as an http(s) URL only", () => {
    expect(problemsOf({ ...MINIMAL, hub: "pubsubhubbub" })).toEqual(["hub: not a URL"]);
    expect(problemsOf({ ...MINIMAL, hub: "ftp://hub.example/" })).toEqual([
      "hub: not an http(s) URL",
    ]);
    const config = parseConfig(JSON.stringify({ ...MINIMAL, hub: "https://hub.example/" }), "x");
    expect(config.hub).toBe("https://hub.example/");
  });

  it("accepts a filter with any of its lists, and a hide list", () => {
    const config = parseConfig(
      JSON.stringify({
        ...withFeeds({
          name: "Carol",
          url: "https://carol.example.com/feed/",
          filter: { keywords: ["nix"] },
        }),
        hide: ["https://carol.example.com/2017/03/spam/"],
      }),
      "feeds.json",
    );
    expect(config.feeds[0]?.filter).toEqual({ keywords: ["nix"] });
    expect(config.hide).toEqual(["https://carol.example.com/2017/03/spam/"]);
    expect(parseConfig(JSON.stringify(MINIMAL), "feeds.json").hide).toEqual([]);
  });

  it("says a missing field is required, and a mistyped one is mistyped", () => {
    const { title: _title, ...untitled } = MINIMAL;
    expect(problemsOf(untitled)).toEqual(["title: required"]);
    expect(problemsOf({ ...MINIMAL, title: "  " })).toEqual([
      "title: must not be empty (the planet's title)",
    ]);
    expect(problemsOf({ ...MINIMAL, feeds: "alice.atom" })).toEqual([
      "feeds: must be a list of feeds",
    ]);
    expect(problemsOf({ ...MINIMAL, link: 5 })).toEqual(["link: must be a string (a URL)"]);
  });

  it("rejects a time zone that is not an IANA name", () => {
    expect(problemsOf({ ...MINIMAL, timezone: "Mars/Olympus_Mons" })).toEqual([
      "timezone: not an IANA time zone (e.g. Europe/Berlin, UTC)",
    ]);
    expect(
      problemsOf({ ...MINIMAL, events: [{ name: "e", url: "e.ics", timezone: "CEST+2" }] }),
    ).toEqual(["events[0].timezone: not an IANA time zone (e.g. Europe/Berlin, UTC)"]);
  });

  it("rejects the same URL configured twice, across feeds and events", () => {
    const url = "https://a.example/feed";
    expect(
      problemsOf({
        ...withFeeds(
          { name: "a", url },
          { name: "b", url: "https://b.example/" },
          { name: "c", url },
        ),
        events: [{ name: "e", url }],
      }),
    ).toEqual([
      `feeds[2].url: duplicate of feeds[0].url (${url})`,
      `events[0].url: duplicate of feeds[0].url (${url})`,
    ]);
  });

  it("lists every problem at once, not just the first", () => {
    const problems = problemsOf({
      x: 1,
      link: "https://planet.example.org/",
      timezone: "Nowhere/Special",
      feeds: [
        { nmae: "a", url: "https://a.example/" },
        { name: "b", url: "https://a.example/" },
        { name: "c", url: "gopher://c.example/" },
      ],
    });
    expect(problems.sort()).toEqual(
      [
        '(top level): unknown key "x"',
        "title: required",
        "timezone: not an IANA time zone (e.g. Europe/Berlin, UTC)",
        "feeds[0].name: required",
        'feeds[0]: unknown key "nmae"',
        "feeds[1].url: duplicate of feeds[0].url (https://a.example/)",
        "feeds[2].url: not an http(s) URL",
      ].sort(),
    );
  });

  it("names the file when the JSON is invalid", async () => {
    const path = join(work, "broken.json");
    await writeFile(path, '{ "title": "x", }');
    const error = await loadConfig(path).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    if (!(error instanceof ConfigError)) return;
    expect(error.file).toBe(path);
    expect(error.message.startsWith(`${path}: invalid configuration`)).toBe(true);
    expect(error.problems).toHaveLength(1);
    expect(error.problems[0]).toMatch(/^not valid JSON: /);
  });

  it("reports a file that cannot be read, naming it", async () => {
    const path = join(work, "missing.json");
    const error = await loadConfig(path).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    if (!(error instanceof ConfigError)) return;
    expect(error.file).toBe(path);
    expect(error.problems).toEqual(["cannot read the file (ENOENT)"]);
  });
});

describe("the repository's own configurations", () => {
  it("feeds.json is valid", async () => {
    const config = await loadConfig(join(ROOT, "feeds.json"));
    expect(config.feeds.length).toBeGreaterThan(0);
  });

  it("demo/feeds.json is valid once its file names point at a server", async () => {
    const server = await serveFeedFiles(join(ROOT, "demo/feeds"));
    try {
      const path = join(work, "demo-feeds.json");
      await writeServedConfig(join(ROOT, "demo/feeds.json"), server.url, path);
      const config = await loadConfig(path);
      expect(config.feeds.length).toBeGreaterThan(0);
      for (const feed of config.feeds) expect(feed.url.startsWith(server.url)).toBe(true);
    } finally {
      await server.close();
    }
  });
});
