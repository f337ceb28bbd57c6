import * as z from "zod";
import type { FeedFormat } from "./render-synthetic-feed.ts";

/** Shortest timed round: one pass over 33 small feeds is too short to time on its own. */
export const MIN_ROUND_MS = 300;

/** What every measuring child reads: the generated feeds and the posts they hold. */
export interface LibraryCorpus {
  /** Posts per feed, to turn a feed's time into a post's. */
  postsPerFeed: number;
  feeds: { file: string; format: FeedFormat }[];
  /** Each post's HTML as the planet's parser read it, with its feed's URL as the base. */
  posts: { html: string; base: string }[];
}

/** Milliseconds per post, one value per timed round (of every run, once merged). */
const timing = z.object({
  /** Process CPU time, user + system (GC threads included). */
  cpu: z.array(z.number()),
  wall: z.array(z.number()),
});

const problemCounts = z.object({ active: z.number(), iframe: z.number(), "media-url": z.number() });

/** One format's figures for a parser; `unsupported` when it cannot read that format. */
const formatFigures = z.union([
  timing.extend({ entriesWithContent: z.number(), entries: z.number() }),
  z.object({ unsupported: z.string() }),
]);

/** What a measuring child (bench/time-library.ts) writes about one candidate. */
export const libraryResultSchema = z.object({
  name: z.string(),
  kind: z.enum(["sanitizer", "parser", "baseline"]),
  /** Why the library could not be measured, or null. */
  unsupported: z.string().nullable(),
  /** The child's peak RSS (getrusage), in bytes: the corpus, the library and its work. */
  maxRssBytes: z.number(),
  sanitizer: z
    .object({
      timing,
      posts: z.number(),
      inputBytes: z.number(),
      outputBytes: z.number(),
      /** Benchmark posts whose output holds each kind of problem (see find-active-markup.ts). */
      postsWithProblems: problemCounts,
      vectors: z.number(),
      /** Hostile vectors (test/fixtures/hostile) by the kind of problem left in their output. */
      vectorsWithProblems: problemCounts,
      /** Each hostile vector whose output has problems, with them. */
      failedVectors: z.array(z.object({ name: z.string(), problems: z.string() })),
    })
    .nullable(),
  parser: z.record(z.enum(["rss", "atom", "json"]), formatFigures).nullable(),
});

/** One candidate's figures. */
export type LibraryResult = z.infer<typeof libraryResultSchema>;
/** How many outputs hold each kind of problem. */
export type ProblemCounts = z.infer<typeof problemCounts>;
/** CPU and wall time per post. */
export type Timing = z.infer<typeof timing>;
/** A parser's figures for one format. */
export type FormatFigures = z.infer<typeof formatFigures>;

/** One candidate's runs as one result: every round of every run, the largest peak RSS. */
export function mergeRuns(runs: LibraryResult[]): LibraryResult {
  const [first, ...rest] = runs;
  if (first === undefined) throw new Error("no run to merge");
  const sanitizer = first.sanitizer && {
    ...first.sanitizer,
    timing: mergeTimings(runs.flatMap((run) => run.sanitizer?.timing ?? [])),
  };
  const parser = first.parser && {
    rss: mergeFormat(first.parser.rss, rest, "rss"),
    atom: mergeFormat(first.parser.atom, rest, "atom"),
    json: mergeFormat(first.parser.json, rest, "json"),
  };
  const maxRssBytes = Math.max(...runs.map((run) => run.maxRssBytes));
  return { ...first, maxRssBytes, sanitizer, parser };
}

function mergeFormat(
  first: FormatFigures,
  rest: LibraryResult[],
  format: FeedFormat,
): FormatFigures {
  if ("unsupported" in first) return first;
  const others = rest.flatMap((run) => {
    const figures = run.parser?.[format];
    return figures === undefined || "unsupported" in figures ? [] : [figures];
  });
  return { ...first, ...mergeTimings([first, ...others]) };
}

function mergeTimings(timings: Timing[]): Timing {
  return { cpu: timings.flatMap((each) => each.cpu), wall: timings.flatMap((each) => each.wall) };
}
