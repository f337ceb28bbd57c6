import type { BuildSummary } from "../pipeline/build-site.ts";
import { countOutcomes, describeCounts } from "../pipeline/fetch-progress.ts";
import type { UpdatedSource } from "../refresh/update-sources.ts";

/** How many failing feeds the summary names, worst first. */
export const WORST_NAMED = 5;

/** GitHub Pages refuses a site larger than this, and other static hosts set similar limits. */
const STATIC_HOST_LIMIT_BYTES = 1_000_000_000;

/** The closing lines of a build: what came in, what failed (worst first, with why), what was written. */
export function summarize(summary: BuildSummary, elapsedMs: number): string {
  const counts = describeCounts(countOutcomes(summary.sources));
  const seconds = (elapsedMs / 1000).toFixed(1);
  const lines = [
    `Built ${summary.outDir}: ${summary.posts} posts from ${summary.sources.length} sources in ${seconds} s (${counts}); the site is ${megabytes(summary.siteBytes)}.`,
  ];
  if (summary.siteBytes > STATIC_HOST_LIMIT_BYTES) {
    lines.push(
      "The site is over 1 GB, the limit of GitHub Pages and other static hosts: set keepMonths in feeds.json to show fewer months of posts.",
    );
  }
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

/** "92.4 MB". */
function megabytes(bytes: number): string {
  return `${(bytes / 1_000_000).toFixed(1)} MB`;
}
