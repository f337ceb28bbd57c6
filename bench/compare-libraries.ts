// npm run bench:libraries: the planet's sanitizer and feed parser against the alternatives, on
// the feeds `npm run bench` generates, each library timed alone in its own child process
// (bench/time-library.ts). Never part of `npm test`.
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { parseFeed } from "../src/parse/parse-feed.ts";
import { formatLibraryReport, type LibraryReport } from "./format-library-report.ts";
import { generateFeeds } from "./generate-feeds.ts";
import { CANDIDATES, type Candidate } from "./library-candidates.ts";
import {
  type LibraryCorpus,
  type LibraryResult,
  libraryResultSchema,
  mergeRuns,
} from "./library-figures.ts";
import { measureChild } from "./measure-child.ts";

const TIME_LIBRARY = fileURLToPath(new URL("./time-library.ts", import.meta.url));
const USAGE =
  "npm run bench:libraries -- [--feeds 100] [--items 20] [--post-bytes 6000] [--runs 3]\n" +
  "                           [--rounds 3] [--only TEXT] [--json]";

const { values } = parseArgs({
  options: {
    feeds: { type: "string", default: "100" },
    items: { type: "string", default: "20" },
    "post-bytes": { type: "string", default: "6000" },
    runs: { type: "string", default: "3" },
    rounds: { type: "string", default: "3" },
    only: { type: "string" },
    json: { type: "boolean", default: false },
    help: { type: "boolean", default: false },
  },
});
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
const feedCount = wholeNumber("--feeds", values.feeds);
const items = wholeNumber("--items", values.items);
const runs = wholeNumber("--runs", values.runs);
const rounds = wholeNumber("--rounds", values.rounds);
const only = values.only?.toLowerCase();

const work = await mkdtemp(join(tmpdir(), "planet-bench-libraries-"));
try {
  const corpusPath = join(work, "corpus.json");
  await writeFile(corpusPath, JSON.stringify(await buildCorpus(work)));
  const candidates = CANDIDATES.filter(
    (candidate) => !only || isReference(candidate) || candidate.name.toLowerCase().includes(only),
  );
  // Run after run, each candidate in turn: a slow spell of the machine falls on all of them.
  const measured = new Map<string, LibraryResult[]>();
  for (let run = 1; run <= runs; run++) {
    for (const candidate of candidates) {
      if (!values.json) console.error(`run ${run}/${runs}: ${candidate.name}…`);
      const result = await measureCandidate(candidate, work, corpusPath);
      measured.set(candidate.name, [...(measured.get(candidate.name) ?? []), result]);
    }
  }
  const report: LibraryReport = {
    feeds: feedCount,
    postsPerFeed: items,
    runs,
    rounds,
    node: process.versions.node,
    results: [...measured.values()].map(mergeRuns),
  };
  console.log(values.json ? JSON.stringify(report, null, 2) : formatLibraryReport(report));
} finally {
  await rm(work, { recursive: true, force: true });
}

/** Times one candidate in a child of its own (bench/time-library.ts). */
async function measureCandidate(
  candidate: Candidate,
  dir: string,
  corpusPath: string,
): Promise<LibraryResult> {
  const resultPath = join(dir, "result.json");
  const args = [TIME_LIBRARY, candidate.name, corpusPath, resultPath, `${rounds}`];
  const run = await measureChild(args, { cwd: dir, env: process.env });
  if (run.exitCode !== 0) throw new Error(`${candidate.name} failed:\n${run.stderrTail}`);
  return libraryResultSchema.parse(JSON.parse(await readFile(resultPath, "utf8")));
}

/** The bench's synthetic feeds, and every post's HTML as the planet's parser reads it. */
async function buildCorpus(dir: string): Promise<LibraryCorpus> {
  const { feeds, files } = await generateFeeds({
    dir: join(dir, "feeds"),
    origins: ["https://member.example"],
    feeds: feedCount,
    items,
    postBytes: wholeNumber("--post-bytes", values["post-bytes"]),
    now: new Date("2025-01-01T00:00:00Z"),
  });
  const corpus: LibraryCorpus = { postsPerFeed: items, feeds: [], posts: [] };
  for (const feed of feeds) {
    const file = files.get(new URL(feed.url).pathname)?.file;
    if (file === undefined) throw new Error(`${feed.url}: the generator wrote no file`);
    corpus.feeds.push({ file, format: feed.format });
    const parsed = parseFeed(await readFile(file, "utf8"));
    if (!parsed.ok) throw new Error(`${feed.url}: ${parsed.error.message}`);
    for (const entry of parsed.feed.entries) {
      corpus.posts.push({ html: entry.contentHtml ?? "", base: feed.url });
    }
  }
  return corpus;
}

/** The baseline and the planet's own libraries (the first of each kind) are always measured. */
function isReference(candidate: Candidate): boolean {
  return CANDIDATES.find((each) => each.kind === candidate.kind) === candidate;
}

function wholeNumber(name: string, text: string): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) {
    throw new Error(`${name}: "${text}" is not a whole number ≥ 1\n${USAGE}`);
  }
  return value;
}
