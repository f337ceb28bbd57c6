// Measures one candidate of bench/library-candidates.ts, alone in this process: a warm-up, then
// `rounds` timed rounds of passes over the corpus, each round's ms per post kept. Run as a child by
// bench/compare-libraries.ts: argv[2] the candidate's name, argv[3] the corpus (JSON),
// argv[4] where the result goes, argv[5] the number of rounds.
import { readFile, writeFile } from "node:fs/promises";
import { setImmediate } from "node:timers/promises";
import { vectors } from "../test/fixtures/hostile/vectors.ts";
import { findActiveMarkup, type MarkupProblem } from "./find-active-markup.ts";
import { CANDIDATES, type ParseBody, type Sanitize } from "./library-candidates.ts";
import {
  type FormatFigures,
  type LibraryCorpus,
  type LibraryResult,
  MIN_ROUND_MS,
  type ProblemCounts,
  type Timing,
} from "./library-figures.ts";
import type { FeedFormat } from "./render-synthetic-feed.ts";

const [name, corpusPath, resultPath, roundsText] = process.argv.slice(2);
const candidate = CANDIDATES.find((each) => each.name === name);
if (candidate === undefined || !corpusPath || !resultPath || !roundsText) {
  throw new Error(`usage: time-library.ts <candidate> <corpus.json> <result.json> <rounds>`);
}
const rounds = Number(roundsText);
const corpus: LibraryCorpus = JSON.parse(await readFile(corpusPath, "utf8"));
// Every child holds the same texts, the baseline included, so peak RSS compares.
const bodies = await Promise.all(
  corpus.feeds.map(async (feed) => ({ ...feed, text: await readFile(feed.file, "utf8") })),
);

const result: LibraryResult = {
  name: candidate.name,
  kind: candidate.kind,
  unsupported: null,
  maxRssBytes: 0,
  sanitizer: null,
  parser: null,
};
if (candidate.kind === "sanitizer") {
  const sanitize = await candidate.load();
  if ("unsupported" in sanitize) result.unsupported = sanitize.unsupported;
  else result.sanitizer = await measureSanitizer(sanitize);
} else if (candidate.kind === "parser") {
  const parse = await candidate.load();
  result.parser = {
    rss: await measureParser(parse, "rss"),
    atom: await measureParser(parse, "atom"),
    json: await measureParser(parse, "json"),
  };
}
result.maxRssBytes = process.resourceUsage().maxRSS * 1024;
await writeFile(resultPath, JSON.stringify(result));

/**
 * Times `pass` (one whole pass over `units` posts): a warm-up, then the rounds, each repeating
 * the pass for at least MIN_ROUND_MS.
 */
async function timeRounds(pass: () => Promise<unknown> | unknown, units: number): Promise<Timing> {
  await repeatPass(pass);
  const timing: Timing = { cpu: [], wall: [] };
  for (let round = 0; round < rounds; round++) {
    const cpuBefore = process.cpuUsage();
    const wallBefore = performance.now();
    const passes = await repeatPass(pass);
    const used = process.cpuUsage(cpuBefore);
    timing.cpu.push((used.user + used.system) / 1000 / (units * passes));
    timing.wall.push((performance.now() - wallBefore) / (units * passes));
  }
  return timing;
}

/** Runs `pass` until MIN_ROUND_MS have gone by; returns how many times it ran. */
async function repeatPass(pass: () => Promise<unknown> | unknown): Promise<number> {
  const started = performance.now();
  let passes = 0;
  do {
    await pass();
    passes++;
  } while (performance.now() - started < MIN_ROUND_MS);
  return passes;
}

async function measureSanitizer(sanitize: Sanitize): Promise<LibraryResult["sanitizer"]> {
  const { posts } = corpus;
  const timing = await timeRounds(
    () => eachPost((post) => sanitize(post.html, post.base)),
    posts.length,
  );
  let inputBytes = 0;
  let outputBytes = 0;
  const postsWithProblems = noProblems();
  await eachPost((post) => {
    const output = sanitize(post.html, post.base);
    inputBytes += post.html.length;
    outputBytes += output.length;
    countKinds(postsWithProblems, findActiveMarkup(output));
  });
  const vectorsWithProblems = noProblems();
  const failedVectors = vectors.flatMap((vector) => {
    const problems = findActiveMarkup(sanitize(vector.html, vector.base ?? null));
    countKinds(vectorsWithProblems, problems);
    if (problems.length === 0) return [];
    const listed = problems.map((problem) => `${problem.kind}: ${problem.detail}`);
    return [{ name: vector.name, problems: [...new Set(listed)].join("; ") }];
  });
  return {
    timing,
    posts: posts.length,
    inputBytes,
    outputBytes,
    postsWithProblems,
    vectors: vectors.length,
    vectorsWithProblems,
    failedVectors,
  };
}

/**
 * Runs `work` on every post, yielding to the event loop after each feed's posts as the planet's
 * pipeline does: jsdom frees the documents DOMPurify parsed only then (a synchronous loop of
 * 12,000 calls held 2.5 GB).
 */
async function eachPost(work: (post: LibraryCorpus["posts"][number]) => void): Promise<void> {
  for (const [index, post] of corpus.posts.entries()) {
    work(post);
    if ((index + 1) % corpus.postsPerFeed === 0) await setImmediate();
  }
}

function noProblems(): ProblemCounts {
  return { active: 0, iframe: 0, "media-url": 0 };
}

/** Counts one output once under each kind of problem it holds. */
function countKinds(counts: ProblemCounts, problems: MarkupProblem[]): void {
  for (const kind of new Set(problems.map((problem) => problem.kind))) counts[kind]++;
}

async function measureParser(parse: ParseBody, format: FeedFormat): Promise<FormatFigures> {
  const feeds = bodies.filter((feed) => feed.format === format);
  let entriesWithContent = 0;
  for (const feed of feeds) {
    const count = await parse(feed.text, format);
    if (count === null) return { unsupported: `does not read ${format}` };
    entriesWithContent += count;
  }
  const entries = feeds.length * corpus.postsPerFeed;
  const timing = await timeRounds(async () => {
    for (const feed of feeds) await parse(feed.text, format);
  }, entries);
  return { ...timing, entriesWithContent, entries };
}
