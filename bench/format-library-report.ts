import {
  type FormatFigures,
  type LibraryResult,
  MIN_ROUND_MS,
  type ProblemCounts,
} from "./library-figures.ts";
import type { FeedFormat } from "./render-synthetic-feed.ts";

/** What one `npm run bench:libraries` found, with what it ran on. */
export interface LibraryReport {
  feeds: number;
  postsPerFeed: number;
  /** Child processes per candidate, run in turn with the others'. */
  runs: number;
  /** Timed rounds in each child. */
  rounds: number;
  node: string;
  results: LibraryResult[];
}

const FORMATS: FeedFormat[] = ["rss", "atom", "json"];

const ms = (value: number): string => value.toFixed(3);
const mb = (bytes: number): string => (bytes / 1024 / 1024).toFixed(0);
const ratio = (value: number, ours: number): string => `${(value / ours).toFixed(2)}×`;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? Number.NaN)
    : ((sorted[middle - 1] ?? Number.NaN) + (sorted[middle] ?? Number.NaN)) / 2;
}

/** The median and, in brackets, the range of the rounds: the spread says how far to trust it. */
function medianAndRange(values: number[]): string {
  return `${ms(median(values))} (${ms(Math.min(...values))}–${ms(Math.max(...values))})`;
}

/** The report as Markdown tables: sanitizers, then parsers, then the vectors that got through. */
export function formatLibraryReport(report: LibraryReport): string {
  const baseline = report.results.find((result) => result.kind === "baseline");
  const lines = [
    `${report.feeds} feeds × ${report.postsPerFeed} posts, Node ${report.node}. Each library runs` +
      ` alone in a child process, ${report.runs} times in turn with the others; each child times` +
      ` ${report.rounds} rounds of at least ${MIN_ROUND_MS} ms after a warm-up. ms/post: median` +
      " of all those rounds (and their range), process CPU time unless marked wall." +
      (baseline
        ? ` Peak RSS of a child that only loads the corpus: ${mb(baseline.maxRssBytes)} MB.`
        : ""),
    "",
    ...formatSanitizers(report.results.filter((result) => result.kind === "sanitizer")),
    "",
    ...formatParsers(report.results.filter((result) => result.kind === "parser")),
  ];
  return lines.join("\n");
}

function formatSanitizers(results: LibraryResult[]): string[] {
  if (results.length === 0) return [];
  const ours = median(results[0]?.sanitizer?.timing.cpu ?? []);
  const rows = [
    "Problems left in sanitized output (bench/find-active-markup.ts): active = script, style," +
      " handlers, forms, SVG/MathML, script URLs; iframe = an unsandboxed iframe; media URL =" +
      " a data: or script URL in an image or player (never run, but outside our policy).",
    "",
    "sanitizer | ms/post (cpu) | × ours | ms/post (wall) | peak RSS MB | output ÷ input | bench posts: active / iframe / media URL | hostile vectors: active / iframe / media URL",
    "--- | ---: | ---: | ---: | ---: | ---: | ---: | ---:",
  ];
  const failures: string[] = [];
  for (const result of results) {
    const figures = result.sanitizer;
    if (figures === null) {
      rows.push(
        `${result.name} | – | – | – | ${mb(result.maxRssBytes)} | – | – | not run: ${result.unsupported}`,
      );
      continue;
    }
    const { timing } = figures;
    rows.push(
      [
        result.name,
        medianAndRange(timing.cpu),
        ratio(median(timing.cpu), ours),
        ms(median(timing.wall)),
        mb(result.maxRssBytes),
        (figures.outputBytes / figures.inputBytes).toFixed(2),
        `${formatCounts(figures.postsWithProblems)} of ${figures.posts}`,
        `${formatCounts(figures.vectorsWithProblems)} of ${figures.vectors}`,
      ].join(" | "),
    );
    for (const vector of figures.failedVectors) {
      failures.push(`- ${result.name}, "${vector.name}": ${vector.problems}`);
    }
  }
  if (failures.length === 0) return rows;
  return [...rows, "", "What got through, by hostile vector:", "", ...failures];
}

function formatCounts(counts: ProblemCounts): string {
  return `${counts.active} / ${counts.iframe} / ${counts["media-url"]}`;
}

function formatParsers(results: LibraryResult[]): string[] {
  if (results.length === 0) return [];
  const ours = results[0]?.parser ?? null;
  const rows = [
    "parser | RSS ms/post | Atom ms/post | JSON ms/post | × ours (formats it reads) | peak RSS MB | entries with content",
    "--- | ---: | ---: | ---: | ---: | ---: | ---",
  ];
  for (const result of results) {
    const figures = result.parser;
    if (figures === null || ours === null) continue;
    let mine = 0;
    let theirs = 0;
    let read = 0;
    let withContent = 0;
    for (const format of FORMATS) {
      const own = figures[format];
      const base = ours[format];
      if ("unsupported" in own || "unsupported" in base) continue;
      mine += median(own.cpu);
      theirs += median(base.cpu);
      read += own.entries;
      withContent += own.entriesWithContent;
    }
    const cells = FORMATS.map((format) => formatCell(figures[format]));
    rows.push(
      [
        result.name,
        ...cells,
        ratio(mine, theirs),
        mb(result.maxRssBytes),
        `${withContent} / ${read}`,
      ].join(" | "),
    );
  }
  return rows;
}

function formatCell(figures: FormatFigures): string {
  return "unsupported" in figures ? "–" : medianAndRange(figures.cpu);
}
