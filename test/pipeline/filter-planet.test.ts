import { parseHTML } from "linkedom";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FixturePlanet, readTree, startFixturePlanet } from "../helpers/site-build.ts";

// Carol's feed is a whole personal blog, filtered to Nix posts without drafts; one of Dave's
// posts is on the planet's hide list. The fixture server plays the planet's WebSub hub.
const NOW = "2017-03-31T12:00:00Z";
const DROPPED = ["Sourdough", "flakes, half-understood", "Win a free laptop"];
let planet: FixturePlanet;
let tree: Map<string, string>;
/** The publish pings the hub had after the first build. */
let firstPings: number;

beforeAll(async () => {
  planet = await startFixturePlanet("filter-planet", NOW);
  await planet.build();
  tree = await readTree(planet.env.outDir);
  firstPings = hubPings().length;
}, 120_000);
afterAll(() => planet.close());

const hubPings = () =>
  planet.server.requests.filter(({ method, path }) => method === "POST" && path === "/websub-hub");
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

  it("names the hub in its feeds, and tells it of each feed after the first build", () => {
    const hub = `${planet.server.url}websub-hub`;
    expect(tree.get("rss.xml")).toContain(`<atom:link href="${hub}" rel="hub"/>`);
    expect(tree.get("rss.xml")).toContain(
      '<atom:link href="https://planet.example.org/rss.xml" rel="self" type="application/rss+xml"/>',
    );
    expect(tree.get("atom.xml")).toContain(`<link rel="hub" href="${hub}"/>`);
    expect(JSON.parse(tree.get("feed.json") ?? "{}").hubs).toEqual([{ type: "WebSub", url: hub }]);
    // rss.xml, rss20.xml, atom.xml and feed.json.
    expect(firstPings).toBe(4);
  });

  it("keeps the counts in health.json when a later build has nothing new to render", async () => {
    await planet.build();
    // Nothing changed, so the hub hears nothing.
    expect(hubPings()).toHaveLength(firstPings);
    expect(filteredCounts((await readTree(planet.env.outDir)).get("health.json"))).toEqual({
      Carol: 2,
      Dave: 1,
    });
  }, 60_000);
});
