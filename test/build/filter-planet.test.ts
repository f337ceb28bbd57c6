import { parseHTML } from "linkedom";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FixturePlanet, readTree, startFixturePlanet } from "../helpers/site-build.ts";

// Carol's feed is a whole personal blog, filtered to Nix posts without drafts; one of Dave's
// posts is on the planet's hide list.
const NOW = "2017-03-31T12:00:00Z";
const DROPPED = ["Sourdough", "flakes, half-understood", "Win a free laptop"];
let planet: FixturePlanet;
let tree: Map<string, string>;

beforeAll(async () => {
  planet = await startFixturePlanet("filter-planet", NOW);
  await planet.build();
  tree = await readTree(planet.env.outDir);
}, 120_000);
afterAll(() => planet.close());

const page = (path: string) => parseHTML(tree.get(path) ?? "").document;

/** health.json's `filtered` count per feed name. */
const filteredCounts = (text: string | undefined) => {
  const health: { feeds: { name: string; filtered: number }[] } = JSON.parse(text ?? "{}");
  return Object.fromEntries(health.feeds.map((feed) => [feed.name, feed.filtered]));
};

describe("a planet with a filtered feed and hidden posts", () => {
  it("shows only the posts that pass", () => {
    const titles = [...page("index.html").querySelectorAll(".h-entry .post-title")].map(
      (title) => title.textContent,
    );
    expect(titles).toEqual(["Packaging my blog with Nix", "Pinning nixpkgs", "Upgrading to 17.03"]);
  });

  it("puts a dropped post in no file of the site: no page, feed, sitemap or search text", () => {
    // Pagefind's index is compressed; the search documents it is made from are checked apart.
    const found = [...tree]
      .filter(([path]) => !path.startsWith("pagefind/"))
      .flatMap(([path, text]) =>
        DROPPED.filter((title) => text.includes(title)).map((t) => `${path}: ${t}`),
      );
    expect(found).toEqual([]);
    expect(tree.get("rss.xml")).toContain("Carol: Packaging my blog with Nix");
  });

  it("counts the dropped posts per feed in health.json and on the feeds page", () => {
    expect(filteredCounts(tree.get("health.json"))).toEqual({ Carol: 2, Dave: 1 });
    const rows = [...page("feeds/index.html").querySelectorAll("tbody tr")].map((row) =>
      row.textContent?.replace(/\s+/g, " "),
    );
    expect(rows.find((row) => row?.includes("Carol"))).toContain("2 of 4 posts filtered");
    expect(rows.find((row) => row?.includes("Dave"))).toContain("1 of 2 posts filtered");
  });

  it("keeps the counts in health.json when a later build has nothing new to render", async () => {
    await planet.build();
    expect(filteredCounts((await readTree(planet.env.outDir)).get("health.json"))).toEqual({
      Carol: 2,
      Dave: 1,
    });
  }, 60_000);
});
