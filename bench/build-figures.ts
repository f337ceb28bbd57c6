import type { BuildStage } from "../src/pipeline/stage-timer.ts";

/** What one planet build reports about itself (written by bench/build-once.ts). */
export interface BuildFigures {
  /** From loading the config to releasing the lock, in the child. */
  wallMs: number;
  /** Each stage's wall time and the CPU time the process spent during it. */
  stages: { name: BuildStage; ms: number; cpuMs: number }[];
  /** Posts on the site (every due post in the cache). */
  posts: number;
  /** Posts held in the cache records. */
  cachedPosts: number;
  /** Sources by the outcome of this build's attempt: ok, not-modified, failed, cached. */
  outcomes: Record<string, number>;
  /** The build process's own peak RSS (getrusage), in bytes. */
  selfMaxRssBytes: number;
}

/** One feed to cost: its URL (the cache key), file and media type. */
export interface CostedFeed {
  url: string;
  file: string;
  contentType: string;
}

/** Milliseconds per step, summed over every feed, plus what they were summed over. */
export interface StageCosts {
  feeds: number;
  posts: number;
  bodyBytes: number;
  cacheBytes: number;
  /** Feeds the cold build left without posts (first ten), with the reason. */
  missing: string[];
  ms: Record<string, number>;
}

/** Checks that a parsed JSON value has the shape of BuildFigures (our own file, loosely). */
export function isBuildFigures(value: unknown): value is BuildFigures {
  return (
    typeof value === "object" &&
    value !== null &&
    "wallMs" in value &&
    typeof value.wallMs === "number" &&
    "stages" in value &&
    Array.isArray(value.stages) &&
    "selfMaxRssBytes" in value &&
    typeof value.selfMaxRssBytes === "number"
  );
}

/** Checks the shape of bench/stage-costs.ts's output (our own file, loosely). */
export function isStageCosts(value: unknown): value is StageCosts {
  return (
    typeof value === "object" &&
    value !== null &&
    "posts" in value &&
    typeof value.posts === "number" &&
    "ms" in value &&
    typeof value.ms === "object"
  );
}
