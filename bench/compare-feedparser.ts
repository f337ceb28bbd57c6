// npm run bench:feedparser: the planet's reading of every feed fixture (parse → normalize →
// sanitize, as a refresh does) against feedparser's, the reader of Planet Venus, field by field.
// Issue 16's measure: ≥ 97 % agreement on each field. Never part of `npm test`: it needs Python
// and Debian's python3-feedparser (apt-get install -y python3-feedparser).
import { spawnSync } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import * as z from "zod";
import type { Post } from "../src/model/post.ts";
import { decodeBody } from "../src/parse/decode-body.ts";
import { feedBodyReader } from "../src/refresh/read-feed-body.ts";
import { newFeedRecord, POSTS_KEPT_PER_FEED } from "../src/store/feed-record.ts";
import { type CorpusFile, listCorpus } from "./feedparser-corpus.ts";
import {
  CLASSES,
  compareEntry,
  type DifferenceClass,
  type FeedparserEntry,
  FIELDS,
  type FieldComparison,
} from "./feedparser-fields.ts";

const READER = fileURLToPath(new URL("./read-with-feedparser.py", import.meta.url));
/** A fixed "now": the planet dates nothing by it, but first-seen times must not vary. */
const NOW = new Date("2026-01-01T00:00:00Z");
const INSTALL =
  "feedparser is not installed for this Python. On Debian or Ubuntu:\n" +
  "  apt-get update && apt-get install -y python3-feedparser\n" +
  "(or name another interpreter with PYTHON=/path/to/python3 npm run bench:feedparser)";
/**
 * feedparser's flags for a document that is not well-formed XML: a syntax error, or (with no
 * HTTP charset, as here) bytes that are not valid in the encoding the document declares, which
 * XML makes a fatal error too; feedparser then re-reads the whole document as windows-1252.
 */
const NOT_WELL_FORMED = new Set(["SAXParseException", "CharacterEncodingOverride"]);
const USAGE = "npm run bench:feedparser -- [--all] [--only TEXT] [--json]";

const { values } = parseArgs({
  options: {
    all: { type: "boolean", default: false },
    only: { type: "string" },
    json: { type: "boolean", default: false },
    help: { type: "boolean", default: false },
  },
});
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}

const entrySchema = z.object({
  id: z.string().nullable(),
  title: z.string().nullable(),
  link: z.string().nullable(),
  published: z.number().nullable(),
  updated: z.number().nullable(),
  created: z.number().nullable(),
  author: z.string().nullable(),
  contentHtml: z.string().nullable(),
  contentHtmlUnresolved: z.string().nullable(),
});
const readingSchema = z.object({
  feedparser: z.string(),
  files: z.array(
    z.object({
      url: z.string(),
      version: z.string(),
      feedAuthor: z.string().nullable(),
      bozo: z.boolean(),
      bozoKind: z.string().nullable(),
      bozoMessage: z.string().nullable(),
      entries: z.array(entrySchema),
    }),
  ),
});

/** A comparison with the entry it belongs to. */
interface Finding extends FieldComparison {
  file: string;
  entry: string;
}

const python = findPython();
const work = await mkdtemp(join(tmpdir(), "planet-bench-feedparser-"));
try {
  const corpus = await listCorpus(work, NOW);
  const files = values.only
    ? corpus.files.filter((file) => file.label.includes(values.only ?? ""))
    : corpus.files;
  const reading = readWithFeedparser(python, files);
  const findings: Finding[] = [];
  const skipped: string[] = [];
  const versions = new Map<string, number>();
  for (const [index, file] of files.entries()) {
    const theirs = reading.files[index];
    if (theirs === undefined) throw new Error(`feedparser gave no reading of ${file.label}`);
    // Not well-formed: out of the measure (feedparser reads such files leniently, the planet not).
    if (theirs.bozo && NOT_WELL_FORMED.has(theirs.bozoKind ?? "")) {
      skipped.push(`${file.label}: ${theirs.bozoMessage}`);
      continue;
    }
    versions.set(theirs.version, (versions.get(theirs.version) ?? 0) + 1);
    findings.push(...(await compareFile(file, theirs.entries, theirs.feedAuthor)));
  }
  const report = { feedparser: reading.feedparser, corpus, files, skipped, versions, findings };
  if (values.json) console.log(JSON.stringify(report, null, 2));
  else printReport(report, values.all);
} finally {
  await rm(work, { recursive: true, force: true });
}

/** PYTHON, else Debian's own interpreter (where apt installs feedparser), else python3. */
function findPython(): string {
  const candidates = [process.env.PYTHON, "/usr/bin/python3", "python3"].filter(
    (candidate): candidate is string => Boolean(candidate),
  );
  for (const candidate of candidates) {
    const probe = spawnSync(candidate, ["-c", "import feedparser"], { encoding: "utf8" });
    if (probe.status === 0) return candidate;
  }
  console.error(INSTALL);
  process.exit(2);
}

function readWithFeedparser(
  interpreter: string,
  files: readonly CorpusFile[],
): z.infer<typeof readingSchema> {
  const result = spawnSync(
    interpreter,
    [READER, ...files.map((file) => `${file.url}=${file.path}`)],
    { encoding: "utf8", maxBuffer: 256 * 1024 * 1024 },
  );
  if (result.status !== 0) {
    throw new Error(`bench/read-with-feedparser.py failed (${result.status}):\n${result.stderr}`);
  }
  return readingSchema.parse(JSON.parse(result.stdout));
}

/** The planet reads the file as a refresh would, and each feedparser entry finds its post. */
async function compareFile(
  file: CorpusFile,
  entries: FeedparserEntry[],
  feedAuthor: string | null,
): Promise<Finding[]> {
  const text = decodeBody(await readFile(file.path), null);
  const read = feedBodyReader({ name: file.label, url: file.url }, NOW);
  const reading = await read(text, file.url, newFeedRecord(file.url));
  const posts = reading.ok ? reading.posts : [];
  const paired = new Set<Post>();
  const seenIds = new Set<string>();
  const findings: Finding[] = [];
  for (const [index, entry] of entries.entries()) {
    const label = `#${index + 1} ${entry.id ?? entry.link ?? ""}`.trim();
    const post = findPost(posts, paired, entry, index);
    if (post === null) {
      const why: DifferenceClass | null =
        entry.id !== null && seenIds.has(entry.id)
          ? "repeated id"
          : index >= POSTS_KEPT_PER_FEED
            ? "entries kept"
            : null;
      const planet = reading.ok ? "(no such post)" : `(not read: ${reading.message})`;
      for (const field of FIELDS) {
        findings.push({
          file: file.label,
          entry: label,
          field,
          planet,
          feedparser: "(entry)",
          agree: false,
          difference: why,
        });
      }
    } else {
      paired.add(post);
      for (const found of compareEntry(post, entry, { url: file.url, author: feedAuthor })) {
        findings.push({ file: file.label, entry: label, ...found });
      }
    }
    if (entry.id !== null) seenIds.add(entry.id);
  }
  return findings;
}

/** By id, else by link, else the post at the same position. */
function findPost(
  posts: readonly Post[],
  paired: ReadonlySet<Post>,
  entry: FeedparserEntry,
  index: number,
): Post | null {
  const free = posts.filter((post) => !paired.has(post));
  const byId =
    entry.id === null ? undefined : free.find((post) => post.sourceId === entry.id?.trim());
  const link = entry.link === null ? null : (URL.parse(entry.link)?.href ?? entry.link);
  const byLink = link === null ? undefined : free.find((post) => post.link === link);
  const atIndex = posts[index];
  const byPosition = atIndex !== undefined && !paired.has(atIndex) ? atIndex : undefined;
  return byId ?? byLink ?? byPosition ?? null;
}

interface Report {
  feedparser: string;
  corpus: { files: CorpusFile[]; jsonFeeds: string[] };
  /** The files compared (all of the corpus, or those --only names). */
  files: CorpusFile[];
  skipped: string[];
  versions: Map<string, number>;
  findings: Finding[];
}

function printReport(report: Report, all: boolean): void {
  const compared = report.files.length - report.skipped.length;
  const entries = new Set(report.findings.map((finding) => `${finding.file}\n${finding.entry}`));
  console.log(
    `feedparser ${report.feedparser}: ${compared} feeds, ${entries.size} entries compared`,
  );
  const versions = [...report.versions]
    .sort()
    .map(([version, count]) => `${version || "?"} ${count}`);
  console.log(`  by feedparser's version: ${versions.join(", ")}`);
  console.log(`  not well-formed, skipped: ${report.skipped.length}`);
  for (const line of report.skipped) console.log(`    ${line}`);
  console.log(`  JSON Feed, not read by feedparser 6, skipped: ${report.corpus.jsonFeeds.length}`);
  console.log("");
  const rows = FIELDS.map((field) => {
    const of = report.findings.filter((finding) => finding.field === field);
    const agree = of.filter((finding) => finding.agree).length;
    const classified = of.filter((finding) => finding.difference !== null);
    const planet = classified.filter(
      (f) => f.difference && CLASSES[f.difference].side === "planet",
    );
    const unexplained = of.length - agree - classified.length;
    return [
      field,
      String(of.length),
      String(agree),
      String(planet.length),
      String(classified.length - planet.length),
      String(unexplained),
      percent(agree, of.length),
      percent(agree, agree + unexplained),
    ];
  });
  const header = [
    "field",
    "compared",
    "agree",
    "planet's choice",
    "feedparser wrong",
    "unexplained",
    "agreement",
    "excl. classified",
  ];
  printTable([header, ...rows]);
  console.log("");
  console.log("Known differences (counted apart):");
  for (const [name, known] of Object.entries(CLASSES)) {
    const count = report.findings.filter((finding) => finding.difference === name).length;
    if (count > 0) console.log(`  ${name} (${known.side}, ${count}): ${known.reason}`);
  }
  const listed = report.findings.filter((f) => !f.agree && (all || f.difference === null));
  console.log("");
  console.log(`${all ? "Disagreements" : "Unexplained disagreements"}: ${listed.length}`);
  for (const finding of listed) {
    const tag = finding.difference === null ? "" : ` [${finding.difference}]`;
    console.log(`\n${finding.file} ${finding.entry} — ${finding.field}${tag}`);
    console.log(`  planet:     ${shorten(finding.planet)}`);
    console.log(`  feedparser: ${shorten(finding.feedparser)}`);
  }
}

function percent(part: number, whole: number): string {
  return whole === 0 ? "–" : `${((100 * part) / whole).toFixed(1)} %`;
}

function shorten(text: string): string {
  const quoted = JSON.stringify(text);
  return quoted.length <= 300 ? quoted : `${quoted.slice(0, 300)}…`;
}

function printTable(rows: string[][]): void {
  const widths =
    rows[0]?.map((_, column) => Math.max(...rows.map((row) => row[column]?.length ?? 0))) ?? [];
  for (const row of rows) {
    console.log(
      row
        .map((cell, column) =>
          column === 0 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0),
        )
        .join("  "),
    );
  }
}
