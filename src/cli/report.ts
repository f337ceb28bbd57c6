import { EnvironmentError } from "../build/build-environment.ts";
import type { BuildSummary } from "../build/build-site.ts";
import { ConfigError } from "../config/load-config.ts";
import { CacheLockedError } from "../store/cache-lock.ts";

/** The closing line of a build: what came in, what failed, what was written. */
export function summarize(summary: BuildSummary, elapsedMs: number): string {
  const failing = summary.feeds.filter(({ record }) => record.error !== null);
  const lines = [
    `Built ${summary.outDir}: ${summary.posts} posts from ${summary.feeds.length} feeds in ${(elapsedMs / 1000).toFixed(1)} s.`,
  ];
  if (failing.length > 0) {
    const named = failing.slice(0, 5).map(({ feed }) => feed.name);
    const more = failing.length > named.length ? ` and ${failing.length - named.length} more` : "";
    lines.push(
      `${failing.length} feed(s) failing: ${named.join(", ")}${more}. Their last good posts are kept; see feeds/ and health.json.`,
    );
  }
  return lines.join("\n");
}

/** Prints a failure the owner can act on (no stack trace for known problems); the exit code. */
export function reportFailure(error: unknown): number {
  if (error instanceof ConfigError) {
    console.error(`${error.file}: the configuration is invalid; nothing was built.`);
    for (const problem of error.problems) console.error(`  ${problem}`);
    return 1;
  }
  if (error instanceof CacheLockedError || error instanceof EnvironmentError) {
    console.error(`${error.message}; nothing was built.`);
    return 1;
  }
  console.error(error);
  return 2;
}
