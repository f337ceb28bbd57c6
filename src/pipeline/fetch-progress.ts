import type { FeedOutcome, UpdatedSource } from "../refresh/update-sources.ts";

/**
 * Where a build's progress goes, one line at a time. A "progress" line is replaced by the next
 * line: a terminal redraws it in place, a CI log may leave it out.
 */
export type ProgressLog = (line: string, kind?: "progress" | "problem") => void;

/** Counts of this build's attempts, by outcome. */
export type OutcomeCounts = Record<FeedOutcome, number>;

/** Follows the fetch stage: a stage line, a live counter, each problem, and a closing tally. */
export interface FetchProgress {
  /** Call as each source finishes. */
  sourceDone(updated: UpdatedSource): void;
  /** Prints the tally once every feed is done. */
  finish(): void;
}

/** Starts following the fetch of `total` feeds (or, offline, their reading from the cache). */
export function trackFetchProgress(
  total: number,
  offline: boolean,
  log: ProgressLog,
): FetchProgress {
  const counts = countOutcomes([]);
  let done = 0;
  log(offline ? `Reading ${total} feeds from the cache (offline)…` : `Fetching ${total} feeds…`);
  return {
    sourceDone({ source, state, outcome, cacheProblem }) {
      done++;
      counts[outcome]++;
      if (cacheProblem) log(`${source.name}: ${cacheProblem}`, "problem");
      if (outcome === "failed" && state.error) {
        log(`${source.name}: ${state.error.message} (${source.url})`, "problem");
      }
      log(`  ${done}/${total} feeds done, ${counts.failed} failed`, "progress");
    },
    finish() {
      log(offline ? `Read ${done} feeds from the cache.` : `Fetched: ${describeCounts(counts)}`);
    },
  };
}

/** How many feeds came to each outcome. */
export function countOutcomes(feeds: Pick<UpdatedSource, "outcome">[]): OutcomeCounts {
  const counts: OutcomeCounts = { ok: 0, "not-modified": 0, failed: 0, cached: 0 };
  for (const { outcome } of feeds) counts[outcome]++;
  return counts;
}

/** E.g. "20 ok, 5 not modified, 3 failed", or "offline, 28 from the cache". */
export function describeCounts(counts: OutcomeCounts): string {
  const fetched = counts.ok + counts["not-modified"] + counts.failed;
  if (fetched === 0 && counts.cached > 0) return `offline, ${counts.cached} from the cache`;
  return `${counts.ok} ok, ${counts["not-modified"]} not modified, ${counts.failed} failed`;
}
