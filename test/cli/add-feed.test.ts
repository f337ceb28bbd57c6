import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { parseConfig } from "../../src/config/load-config.ts";
import { type FeedFileServer, serveFeedFiles } from "../../src/demo/serve-feed-files.ts";
import { spawnCli } from "../helpers/spawn-process.ts";
import { makeTempConfig, type TempConfig } from "../helpers/temp-config.ts";

const SITE = fileURLToPath(new URL("../fixtures/owner/site", import.meta.url));

let site: FeedFileServer;
let temp: TempConfig;
beforeAll(async () => {
  site = await serveFeedFiles(SITE);
});
afterAll(() => site.close());
beforeEach(async () => {
  temp = await makeTempConfig();
});
afterEach(() => temp.remove());

const addFeed = (...args: string[]) =>
  spawnCli("add-feed.ts", { PLANET_CONFIG: temp.configPath }, { args }).exited;
const readConfig = async () => parseConfig(await readFile(temp.configPath, "utf8"), "feeds.json");

describe("npm run add-feed", () => {
  it("adds the feed a blog page advertises, named by its title, with the page as link", async () => {
    const page = `${site.url}alice/index.html`;
    const run = await addFeed(page);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`it advertises the feed ${site.url}alice/atom.xml`);
    expect(run.stdout).toContain(`Added "Alice's Nix notes" (${site.url}alice/atom.xml)`);
    const config = await readConfig();
    expect(config.feeds.map((feed) => feed.name)).toEqual([
      "Alice's Nix notes",
      "Bob Builder",
      "Zoe Zimmer",
    ]);
    expect(config.feeds[0]).toMatchObject({ url: `${site.url}alice/atom.xml`, link: page });
  });

  it("adds a plain feed under the name given with --name, sorted in, keeping the layout", async () => {
    const before = await readFile(temp.configPath, "utf8");
    const run = await addFeed(`${site.url}carol/rss.xml`, "--name", "Carol Cook");
    expect(run.code).toBe(0);
    const after = await readFile(temp.configPath, "utf8");
    const entry = (name: string) =>
      before.slice(
        before.lastIndexOf("{", before.indexOf(name)),
        before.indexOf("}", before.indexOf(name)) + 1,
      );
    const carol = `{\n      "name": "Carol Cook",\n      "url": "${site.url}carol/rss.xml"\n    }`;
    const feeds = [entry('"Bob Builder"'), carol, entry('"Zoe Zimmer"')].join(",\n    ");
    const start = before.indexOf('"feeds": [') + '"feeds": ['.length;
    const end = before.indexOf('\n  ],\n  "events"');
    expect(after).toBe(`${before.slice(0, start)}\n    ${feeds}${before.slice(end)}`);
  });

  it("exits 1 and changes nothing when the page advertises no feed", async () => {
    const before = await readFile(temp.configPath, "utf8");
    const run = await addFeed(`${site.url}dave/index.html`);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/advertises no feed.*\nNothing was changed\./s);
    expect(await readFile(temp.configPath, "utf8")).toBe(before);
  });

  it("refuses a feed that is already configured, before fetching anything", async () => {
    const requests = site.requests.length;
    const run = await addFeed("https://bob.example.com/atom.xml");
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      `https://bob.example.com/atom.xml is already in ${temp.configPath} as "Bob Builder"`,
    );
    expect(site.requests.length).toBe(requests);
  });

  it("refuses a page whose feed is already configured under another URL", async () => {
    expect((await addFeed(`${site.url}carol/rss.xml`)).code).toBe(0);
    const run = await addFeed(`${site.url}alice/index.html`, "--name", "Alice");
    expect(run.code).toBe(0);
    const again = await addFeed(`${site.url}alice/index.html`);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain(`${site.url}alice/atom.xml is already in`);
  });

  it("prints the usage when the URL is missing or an option is unknown", async () => {
    for (const args of [[], ["--nmae", "x", "https://a.example/"]]) {
      const run = await addFeed(...args);
      expect(run.code).toBe(1);
      expect(run.stderr).toContain("usage: npm run add-feed -- <blog or feed URL>");
    }
  });

  it("prints one JSON object per line with --json, and nothing on success with --quiet", async () => {
    const json = await addFeed(`${site.url}carol/rss.xml`, "--json");
    const lines = json.stdout
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line));
    expect(lines.at(-1)).toMatchObject({ level: "info", name: "Carol on packaging" });
    const quiet = await addFeed(`${site.url}alice/index.html`, "--quiet");
    expect(quiet).toMatchObject({ code: 0, stdout: "", stderr: "" });
  });
});
