import { readdir, readFile } from "node:fs/promises";
import { extname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { generateFeeds } from "./generate-feeds.ts";

/** One feed file of the corpus, and the URL both readers are told it was fetched from. */
export interface CorpusFile {
  /** What the report calls it: the path in the repository, or generated/NAME. */
  label: string;
  /** Absolute path on disk. */
  path: string;
  url: string;
}

/** The files to compare, and the JSON Feed files left out. */
export interface Corpus {
  files: CorpusFile[];
  /** feedparser 6 does not read JSON Feed: these are not compared. */
  jsonFeeds: string[];
}

const ROOT = fileURLToPath(new URL("..", import.meta.url));

/**
 * Every feed fixture of the repository (test/fixtures, the demo's feeds) plus the feeds written
 * for issue 16's constructs. Hostile fixtures are listed too: those feedparser flags as not
 * well-formed are skipped by the caller and counted.
 */
const FEED_FOLDERS = ["test/fixtures", "demo/feeds", "bench/feedparser-corpus"];

const XML_EXTENSIONS = new Set([".xml", ".rss", ".atom", ".rdf"]);

/** Synthetic feeds from `npm run bench`'s generator: one in four carries scripts and styles. */
const GENERATED = { feeds: 8, items: 5, postBytes: 3000 };

/** The corpus, sorted by label; generated feeds are written into `workDir`. */
export async function listCorpus(workDir: string, now: Date): Promise<Corpus> {
  const files: CorpusFile[] = [];
  const jsonFeeds: string[] = [];
  for (const folder of FEED_FOLDERS) {
    for (const path of await filesUnder(join(ROOT, folder))) {
      const label = relative(ROOT, path);
      if (XML_EXTENSIONS.has(extname(path))) {
        files.push({ label, path, url: `https://feeds.example/${label}` });
      } else if (
        extname(path) === ".json" &&
        (await readFile(path, "utf8")).includes("jsonfeed.org")
      ) {
        jsonFeeds.push(label);
      }
    }
  }
  const generated = await generateFeeds({
    ...GENERATED,
    dir: workDir,
    origins: ["https://generated.example"],
    now,
  });
  for (const feed of generated.feeds) {
    const name = `${feed.name}.${feed.format}`;
    if (feed.format === "json") jsonFeeds.push(`generated/${name}`);
    else files.push({ label: `generated/${name}`, path: join(workDir, name), url: feed.url });
  }
  files.sort((a, b) => a.label.localeCompare(b.label));
  return { files, jsonFeeds: jsonFeeds.sort() };
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}
