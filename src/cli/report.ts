import { ConfigError } from "../config/load-config.ts";
import { createLogger, type Logger } from "../log/logger.ts";
import { EnvironmentError } from "../pipeline/build-environment.ts";
import type { BuildSummary } from "../pipeline/build-site.ts";
import { countOutcomes, describeCounts } from "../pipeline/fetch-progress.ts";
import type { UpdatedSource } from "../refresh/update-sources.ts";
import { CacheLockedError } from "../store/cache-lock.ts";

/** How many failing feeds the summary names, worst first. */
export const WORST_NAMED = 5;

/** The closing lines of a build: what came in, what failed (worst first, with why), what was written. */
export function summarize(summary: BuildSummary, elapsedMs: number): string {
  const counts = describeCounts(countOutcomes(summary.sources));
  const seconds = (elapsedMs / 1000).toFixed(1);
  const lines = [
    `Built ${summary.outDir}: ${summary.posts} posts from ${summary.sources.length} sources in ${seconds} s (${counts}).`,
  ];
  const failing = worstFirst(summary.sources.filter(({ state }) => state.error !== null));
  if (failing.length > 0) {
    const worst = failing.slice(0, WORST_NAMED);
    const more = failing.length > worst.length ? ` and ${failing.length - worst.length} more` : "";
    lines.push(
      `${failing.length} feed(s) failing: ${worst.map(({ source }) => source.name).join(", ")}${more}. Their last good posts are kept; see feeds/ and health.json.`,
    );
    for (const { source, state } of worst) {
      const streak =
        state.consecutiveFailures > 1 ? ` (failing for ${state.consecutiveFailures} builds)` : "";
      lines.push(`  ${source.name}: ${state.error?.message ?? "failing"}${streak}`);
    }
  }
  return lines.join("\n");
}

/** The longest-failing first; ties keep the config's order. */
function worstFirst(feeds: UpdatedSource[]): UpdatedSource[] {
  return feeds.toSorted((a, b) => b.state.consecutiveFailures - a.state.consecutiveFailures);
}

/** Prints a failure the owner can act on (no stack trace for known problems); the exit code. */
export function reportFailure(
  error: unknown,
  log: Logger = createLogger({ format: "human", level: "info" }),
): number {
  if (error instanceof ConfigError) {
    const problems = error.problems.map((problem) => `  ${problem}`);
    log.error(
      [`${error.file}: the configuration is invalid; nothing was built.`, ...problems].join("\n"),
      { file: error.file },
    );
    return 1;
  }
  if (error instanceof CacheLockedError || error instanceof EnvironmentError) {
    log.error(`${error.message}; nothing was built.`);
    return 1;
  }
  // Not a problem the owner caused: the whole error, stack included, for a bug report.
  log.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  return 2;
}
