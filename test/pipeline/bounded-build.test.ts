import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { type DefaultTreeAdapterMap, parse, serialize } from "parse5";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseFeed } from "../../src/parse/parse-feed.ts";
import { sanitizeContent } from "../../src/sanitize/sanitize-content.ts";
import { POSTS_KEPT_PER_FEED } from "../../src/store/feed-record.ts";
import { MANY_ITEMS, NOW, writeHostileFeeds } from "../fixtures/bounds-planet/hostile-feeds.ts";
import { type FixturePlanet, readTree, startFixturePlanet } from "../helpers/site-build.ts";

type Node = DefaultTreeAdapterMap["childNode"] | DefaultTreeAdapterMap["document"];

// Six members whose feeds are each far past one bound (generated at test time, see
// hostile-feeds.ts) beside one ordinary member, built end to end from a loopback server. The
// bounds are generous on purpose: this proves each holds, not how fast the build is.
let planet: FixturePlanet;
let outputs: Map<string, string>;

const KB = 1000;
const MB = 1000 * KB;

beforeAll(async () => {
  planet = await startFixturePlanet("bounds-planet", NOW, { copyFeeds: true });
  await writeHostileFeeds(planet.feedsDir);
  // Resolving is the build's exit 0: it throws only for a bad config or a held lock.
  await planet.build();
  outputs = await readTree(planet.env.outDir);
}, 180_000);
afterAll(() => planet.close());

const output = (path: string): string => {
  const text = outputs.get(path);
  if (text === undefined) throw new Error(`dist/${path} was not written`);
  return text;
};
const pages = () => [...outputs.keys()].filter((path) => path.endsWith(".html"));

/** The deepest element nesting of a parsed page, walked without recursion. */
function depthOf(root: Node): number {
  let deepest = 0;
  const stack: [Node, number][] = [[root, 0]];
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    const [node, depth] = next;
    deepest = Math.max(deepest, depth);
    if ("childNodes" in node) for (const child of node.childNodes) stack.push([child, depth + 1]);
  }
  return deepest;
}

/** Every element of a page with class `e-content` (a post's content). */
function postContents(root: Node): DefaultTreeAdapterMap["element"][] {
  const found: DefaultTreeAdapterMap["element"][] = [];
  const stack: Node[] = [root];
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    if (!("childNodes" in node)) continue;
    const classes = "attrs" in node ? node.attrs.find((a) => a.name === "class")?.value : "";
    if ("tagName" in node && (classes ?? "").split(/\s+/).includes("e-content")) found.push(node);
    stack.push(...node.childNodes);
  }
  return found;
}

describe("a planet with feeds far past every bound", () => {
  it("keeps the front page under 1 MB", () => {
    expect(Buffer.byteLength(output("index.html"))).toBeLessThanOrEqual(1 * MB);
  });

  it("shows no post over 300 KB and nests no page over 100 levels, on any page", () => {
    for (const path of pages()) {
      const document = parse(output(path));
      expect(depthOf(document), path).toBeLessThanOrEqual(100);
      for (const content of postContents(document)) {
        expect(Buffer.byteLength(serialize(content)), path).toBeLessThanOrEqual(300 * KB);
      }
    }
  });

  it("writes every output feed well-formed and under 2 MB", () => {
    for (const path of ["rss.xml", "rss20.xml", "atom.xml"]) {
      const xml = output(path);
      expect(Buffer.byteLength(xml), path).toBeLessThanOrEqual(2 * MB);
      expect(XMLValidator.validate(xml), path).toBe(true);
    }
  });

  it("ends a cut post with a link to the original", () => {
    const front = output("index.html");
    for (const link of [
      "https://nested.example.org/2017/03/big-post.html",
      "https://linker.example.org/2017/03/links/",
      "https://paragraphs.example.org/2017/03/big-post.html",
      "https://novelist.example.org/2017/03/novel",
    ]) {
      expect(front).toContain(`<a href="${link}" rel="nofollow ugc noopener">Continue reading</a>`);
    }
  });

  it("reports each feed that hit a bound in health.json, with advice", () => {
    const health: {
      feeds: { name: string; ok: boolean; truncated: unknown; advice: string | null }[];
    } = JSON.parse(output("health.json"));
    const byName = new Map(health.feeds.map((feed) => [feed.name, feed]));
    expect(health.feeds.every((feed) => feed.ok)).toBe(true);
    for (const name of ["Nested", "Linker", "Paragraphs", "Novelist", "Verbose"]) {
      expect(byName.get(name)?.truncated, name).toEqual({ posts: 1, items: 0 });
      expect(byName.get(name)?.advice, name).toMatch(/^1 post shortened/);
    }
    const omitted = MANY_ITEMS - POSTS_KEPT_PER_FEED;
    expect(byName.get("Prolific")?.truncated).toEqual({ posts: 0, items: omitted });
    expect(byName.get("Prolific")?.advice).toMatch(new RegExp(`^${omitted} older entries`));
    expect(byName.get("Sander")).toMatchObject({ truncated: null, advice: null });
    expect(output("feeds/index.html")).toContain(`${omitted} unread`);
  });

  it("cuts the megabyte title and author name", () => {
    const rss = new XMLParser({ isArray: (name) => name === "item" }).parse(output("rss.xml"));
    const items: { title: string; "dc:creator": string }[] = rss.rss.channel.item;
    const verbose = items.find((item) => item.title.startsWith("Verbose: "));
    expect(verbose?.title.length).toBeLessThanOrEqual("Verbose: ".length + 1_000);
    expect(verbose?.["dc:creator"].length).toBeLessThanOrEqual(200);
  });

  it("leaves the ordinary member's posts untouched", async () => {
    const source = await readFile(join(planet.feedsDir, "ordinary.rss"), "utf8");
    const parsed = parseFeed(source);
    if (!parsed.ok) throw new Error(parsed.error.message);
    const rss = new XMLParser({ isArray: (name) => name === "item" }).parse(output("rss.xml"));
    const items: { link?: string; description?: string }[] = rss.rss.channel.item;
    for (const entry of parsed.feed.entries) {
      const item = items.find((candidate) => candidate.link === entry.link);
      expect(item?.description).toBe(sanitizeContent(entry.contentHtml ?? "", entry.link));
    }
  });
});
