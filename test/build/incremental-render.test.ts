import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, expect, it } from "vitest";
import { type FixturePlanet, readTree, startFixturePlanet } from "../helpers/site-build.ts";

const NOW = "2017-04-01T10:00:00Z";
const planets: FixturePlanet[] = [];
afterEach(async () => {
  await Promise.all(planets.splice(0).map((planet) => planet.close()));
});

async function planetWithCopiedFeeds(): Promise<FixturePlanet> {
  const planet = await startFixturePlanet("site", NOW, { copyFeeds: true });
  planets.push(planet);
  return planet;
}

/** Bob edits one of his posts (one only he has: a post two members share shows once). */
async function editBobsPost(planet: FixturePlanet): Promise<void> {
  const path = join(planet.feedsDir, "bob.rss");
  const feed = await readFile(path, "utf8");
  await writeFile(path, feed.replace("Release notes are", "The release notes are"));
}

/** Pages, not the reports: health.json and the feeds page tell the two cache histories apart. */
const isPage = (path: string) =>
  path.endsWith(".html") && !path.startsWith("feeds/") && !path.startsWith("pagefind/");

it("renders again only the pages whose posts changed and copies the others from Astro's cache", async () => {
  const planet = await planetWithCopiedFeeds();
  await planet.build();
  // Mark the cached copies: a page copied from the cache shows the mark, a rendered one does not.
  const cached = (slug: string) =>
    join(planet.env.cacheDir, "astro/dist/members", slug, "index.html");
  for (const slug of ["alice", "bob"]) {
    const html = await readFile(cached(slug), "utf8");
    await writeFile(cached(slug), html.replace("</body>", "<!-- from the cache --></body>"));
  }
  await editBobsPost(planet);
  await planet.build();
  const page = (slug: string) =>
    readFile(join(planet.env.outDir, "members", slug, "index.html"), "utf8");
  expect(await page("alice")).toContain("<!-- from the cache -->");
  expect(await page("bob")).not.toContain("<!-- from the cache -->");
  expect(await page("bob")).toContain("The release notes are");
}, 120_000);

it("writes the same pages incrementally as a build from an empty cache", async () => {
  const planet = await planetWithCopiedFeeds();
  await planet.build();
  await editBobsPost(planet);
  await planet.build();
  const fresh = {
    cacheDir: join(planet.work, "fresh-cache"),
    outDir: join(planet.work, "fresh-dist"),
  };
  await planet.build(fresh);
  const incremental = await readTree(planet.env.outDir);
  const whole = await readTree(fresh.outDir);
  const pages = [...whole.keys()].filter(isPage).sort();
  expect([...incremental.keys()].filter(isPage).sort()).toEqual(pages);
  expect(pages).toContain("members/bob/index.html");
  for (const path of pages) expect(incremental.get(path), path).toBe(whole.get(path));
}, 120_000);
