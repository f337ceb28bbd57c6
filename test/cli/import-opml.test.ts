import { copyFile, readFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { parseConfig } from "../../src/config/load-config.ts";
import { type FeedFileServer, serveFeedFiles } from "../../src/demo/serve-feed-files.ts";
import { spawnCli } from "../helpers/spawn-process.ts";
import { makeTempConfig, type TempConfig } from "../helpers/temp-config.ts";

const FIXTURES = fileURLToPath(new URL("../fixtures/owner", import.meta.url));

let server: FeedFileServer;
let temp: TempConfig;
beforeAll(async () => {
  server = await serveFeedFiles(FIXTURES);
});
afterAll(() => server.close());
beforeEach(async () => {
  temp = await makeTempConfig();
});
afterEach(() => temp.remove());

const importList = (source: string, ...flags: string[]) =>
  spawnCli(
    "import-opml.ts",
    { PLANET_CONFIG: temp.configPath, INIT_CWD: temp.dir },
    { args: [source, ...flags] },
  ).exited;
const feedsOf = async () =>
  parseConfig(await readFile(temp.configPath, "utf8"), "feeds.json").feeds.map(
    (feed) => `${feed.name} <${feed.url}>${feed.link ? ` ${feed.link}` : ""}`,
  );

describe("npm run import-opml", () => {
  it("adds the feeds of nested OPML outlines, skips duplicates and says how many of each", async () => {
    await copyFile(join(FIXTURES, "subscriptions.opml"), join(temp.dir, "subscriptions.opml"));
    // A relative path is read from where the owner typed the command (INIT_CWD), as npm runs it.
    const run = await importList("subscriptions.opml");
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("3 added, 3 skipped.");
    expect(run.stdout).toContain(
      `skipped Bob (already a member) (https://bob.example.com/atom.xml): already in ${temp.configPath} as "Bob Builder"`,
    );
    expect(run.stdout).toContain(
      "skipped Podcast over FTP (ftp://files.example.org/podcast.xml): not an http(s) URL",
    );
    expect(await feedsOf()).toEqual([
      "Alice's Nix notes <https://alice.example.org/atom.xml> https://alice.example.org/",
      "Bob Builder <https://bob.example.com/atom.xml> https://bob.example.com/",
      "Carol on packaging <https://carol.example.org/rss.xml>",
      "nameless.example.com <https://nameless.example.com/feed/>",
      "Zoe Zimmer <https://zoe.example.net/feed.xml>",
    ]);
  });

  it("imports the same list a second time as all duplicates, leaving the file as it was", async () => {
    const source = join(FIXTURES, "subscriptions.opml");
    expect((await importList(source)).code).toBe(0);
    const once = await readFile(temp.configPath, "utf8");
    const again = await importList(source);
    expect(again.stdout).toContain("0 added, 6 skipped.");
    expect(await readFile(temp.configPath, "utf8")).toBe(once);
  });

  it("imports the feeds of a Planet Venus config.ini fetched from a URL", async () => {
    const run = await importList(`${server.url}venus-config.ini`);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("(Planet Venus config)");
    expect(run.stdout).toContain("3 added, 1 skipped.");
    expect(await feedsOf()).toEqual([
      "Bob Builder <https://bob.example.com/atom.xml> https://bob.example.com/",
      "Domen Kozar <https://www.domenkozar.com/category/nixos/feed/atom/index.xml>",
      "nixos.example.org <http://nixos.example.org/news.rss>",
      "Sander van der Burg <http://sandervanderburg.blogspot.com/feeds/posts/default>",
      "Zoe Zimmer <https://zoe.example.net/feed.xml>",
    ]);
  });

  it("exits 1 and changes nothing for a file that is no feed list, or is missing", async () => {
    const before = await readFile(temp.configPath, "utf8");
    const page = await importList(`${server.url}site/dave/index.html`);
    expect(page.code).toBe(1);
    expect(page.stderr).toContain("not a readable OPML file");
    const missing = await importList("no-such.opml");
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/cannot read .*no-such\.opml \(ENOENT\)/);
    expect(await readFile(temp.configPath, "utf8")).toBe(before);
  });
});
