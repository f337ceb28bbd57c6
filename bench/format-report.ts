import type { BuildStage } from "../src/pipeline/stage-timer.ts";
import type { BenchOptions } from "./bench-options.ts";
import type { StageCosts } from "./build-figures.ts";
import type { PeerRun } from "./run-peer.ts";
import { CI_CHANGED, type PlanetRun } from "./run-planet.ts";

/** Everything one `npm run bench` measured. */
export interface BenchReport {
  options: BenchOptions;
  machine: { node: string; cpus: number; loadAverage: number[] };
  /** Feeds changed before the "changed" builds. */
  changedFeeds: number;
  /** CPU cost of each step of fetch+refresh, one feed at a time (bench/stage-costs.ts). */
  stageCosts: StageCosts | null;
  planet: PlanetRun[];
  /** osmosfeed's runs, or null when --peer was not given. */
  peer: PeerRun[] | null;
  /** planet ÷ osmosfeed per build, for wall time and peak memory. */
  ratios: { label: string; wall: number; peakRss: number; largestProcess: number }[];
  /** Issue 15's targets, each with its measured ratio (empty without --peer). */
  targets: TargetCheck[];
}

/** One of issue 15's targets: a planet build's figure ÷ one of osmosfeed's, and its bound. */
export interface TargetCheck {
  build: string;
  figure: "wall" | "largest process";
  against: string;
  bound: number;
  ratio: number;
}

/**
 * Issue 15's targets, as it states them: the steady-state builds against osmosfeed's changed
 * run (its steady state, and what it costs in CI), the cold build against its cold one.
 */
const TARGETS: Omit<TargetCheck, "ratio">[] = [
  { build: "changed", figure: "wall", against: "changed", bound: 0.8 },
  { build: CI_CHANGED, figure: "wall", against: "changed", bound: 1.0 },
  { build: "warm", figure: "wall", against: "changed", bound: 0.4 },
  { build: "offline", figure: "wall", against: "changed", bound: 0.2 },
  { build: "cold", figure: "wall", against: "cold", bound: 1.5 },
  { build: "cold", figure: "largest process", against: "cold", bound: 1.0 },
  { build: "changed", figure: "largest process", against: "changed", bound: 0.6 },
];

/** Each target with the ratio this run measured, for the builds both ran. */
export function checkTargets(planet: PlanetRun[], peer: PeerRun[] | null): TargetCheck[] {
  if (peer === null) return [];
  return TARGETS.flatMap((target) => {
    const ours = planet.find((run) => run.label === target.build)?.measure;
    const theirs = peer.find((run) => run.label === target.against)?.measure;
    if (ours === undefined || theirs === undefined) return [];
    const ratio =
      target.figure === "wall"
        ? ours.wallMs / theirs.wallMs
        : ours.peakProcessRssBytes / theirs.peakProcessRssBytes;
    return [{ ...target, ratio }];
  });
}

// "fingerprint" digests the site's inputs; when they match the last render's, the build writes
// health.json alone and has no "load" (cached posts read), "assemble" or "write site" (pages by
// Astro, feeds, calendars and the search index).
const SHOWN_STAGES: BuildStage[] = [
  "fetch+refresh",
  "fingerprint",
  "load",
  "assemble",
  "write site",
];
// Steps within "write site", shown beside it; Pagefind's own CPU shows only in the tree's total.
const WRITE_STEPS: BuildStage[] = ["render pages", "search index"];

/**
 * planet ÷ peer for the builds both ran. The planet's CI build is set against osmosfeed's
 * changed run: osmosfeed keeps no output between runs, so that run is what it costs in CI.
 */
export function computeRatios(planet: PlanetRun[], peer: PeerRun[] | null): BenchReport["ratios"] {
  if (peer === null) return [];
  return planet.flatMap((run) => {
    const peerLabel = run.label === CI_CHANGED ? "changed" : run.label;
    const other = peer.find((candidate) => candidate.label === peerLabel);
    if (other === undefined) return [];
    return [
      {
        label: run.label,
        wall: run.measure.wallMs / other.measure.wallMs,
        peakRss: run.measure.peakTreeRssBytes / other.measure.peakTreeRssBytes,
        largestProcess: run.measure.peakProcessRssBytes / other.measure.peakProcessRssBytes,
      },
    ];
  });
}

/** The report as Markdown tables, as pasted into docs/performance.md. */
export function formatReport(report: BenchReport): string {
  const { options } = report;
  const lines = [
    `${options.feeds} feeds × ${options.items} posts (~${options.postBytes} B HTML each), ` +
      `${options.latencyMs} ms latency, ${options.hosts} loopback hosts; ` +
      `${report.changedFeeds} feeds changed for "changed" and "changed (CI)"; Node ${report.machine.node}, ` +
      `${report.machine.cpus} CPUs, load at start ${report.machine.loadAverage.map((n) => n.toFixed(1)).join(" ")}`,
    "",
    "planet | wall s | " +
      [...SHOWN_STAGES, ...WRITE_STEPS].map((stage) => `${stage} s (cpu)`).join(" | ") +
      " | startup+other s | CPU s | peak RSS MB | largest process MB | requests 200/304 | MB fetched | posts | pages (MB)",
    `--- | ${"---: | ".repeat(SHOWN_STAGES.length + WRITE_STEPS.length + 8)}---:`,
  ];
  for (const run of report.planet) {
    const stageCells = [...SHOWN_STAGES, ...WRITE_STEPS].map((name) => {
      const stage = run.figures.stages.find((candidate) => candidate.name === name);
      return stage ? `${seconds(stage.ms)} (${seconds(stage.cpuMs)})` : "–";
    });
    const shownMs = SHOWN_STAGES.reduce(
      (sum, name) => sum + (run.figures.stages.find((stage) => stage.name === name)?.ms ?? 0),
      0,
    );
    const traffic = run.traffic;
    lines.push(
      [
        run.label,
        wallCell(run),
        ...stageCells,
        // Node start-up, module loading, config, lock and prune.
        seconds(run.measure.wallMs - shownMs),
        seconds(run.measure.cpuMs),
        megabytes(run.measure.peakTreeRssBytes),
        megabytes(run.measure.peakProcessRssBytes),
        `${traffic.requests} (${traffic.byStatus[200] ?? 0}/${traffic.byStatus[304] ?? 0})`,
        megabytes(traffic.bytes),
        String(run.figures.posts),
        `${run.site.pages} (${megabytes(run.site.bytes)})`,
      ].join(" | "),
    );
  }
  if (report.stageCosts !== null) lines.push("", ...formatStageCosts(report.stageCosts));
  if (report.peer !== null) {
    lines.push(
      "",
      "osmosfeed | wall s | CPU s | peak RSS MB | largest process MB | requests (feeds/articles) | MB fetched | posts | pages",
      "--- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---:",
    );
    for (const run of report.peer) {
      const { traffic } = run;
      lines.push(
        [
          run.label,
          wallCell(run),
          seconds(run.measure.cpuMs),
          megabytes(run.measure.peakTreeRssBytes),
          megabytes(run.measure.peakProcessRssBytes),
          `${traffic.requests} (${traffic.requests - traffic.articleRequests}/${traffic.articleRequests})`,
          megabytes(traffic.bytes),
          String(run.posts),
          String(run.pages),
        ].join(" | "),
      );
    }
    lines.push(
      "",
      "planet ÷ osmosfeed | wall | peak RSS (tree) | largest process",
      "--- | ---: | ---: | ---:",
    );
    for (const { label, wall, peakRss, largestProcess } of report.ratios) {
      lines.push(
        `${label} | ${wall.toFixed(2)} | ${peakRss.toFixed(2)} | ${largestProcess.toFixed(2)}`,
      );
    }
    lines.push(
      "",
      "issue 15's targets | planet ÷ osmosfeed | bound | met",
      "--- | ---: | ---: | ---",
    );
    for (const { build, figure, against, bound, ratio } of report.targets) {
      const met = ratio <= bound ? "yes" : "no";
      lines.push(
        `${build}, ${figure} ÷ osmosfeed's ${against} | ${ratio.toFixed(2)} | ≤ ${bound} | ${met}`,
      );
    }
  }
  return lines.join("\n");
}

function formatStageCosts(costs: StageCosts): string[] {
  const lines = [
    `steps of fetch+refresh, one core, ${costs.feeds} feeds / ${costs.posts} posts ` +
      `(${megabytes(costs.bodyBytes)} MB of feeds, ${megabytes(costs.cacheBytes)} MB of cache records)`,
    "",
    "step | total s | ms per feed | ms per post",
    "--- | ---: | ---: | ---:",
  ];
  for (const [step, ms] of Object.entries(costs.ms)) {
    const perFeed = (ms / costs.feeds).toFixed(2);
    lines.push(`${step} | ${seconds(ms)} | ${perFeed} | ${(ms / costs.posts).toFixed(3)}`);
  }
  return lines;
}

/** The wall time, and for a repeated build the range of its runs: "3.49 (3.41–3.71)". */
function wallCell(run: { measure: { wallMs: number }; wallRangeMs?: [number, number] }): string {
  const wall = seconds(run.measure.wallMs);
  if (run.wallRangeMs === undefined) return wall;
  const [fastest, slowest] = run.wallRangeMs;
  return `${wall} (${seconds(fastest)}–${seconds(slowest)})`;
}

function seconds(ms: number): string {
  return (ms / 1000).toFixed(ms < 10_000 ? 2 : 1);
}

function megabytes(bytes: number): string {
  return (bytes / (1024 * 1024)).toFixed(bytes < 10 * 1024 * 1024 ? 1 : 0);
}
