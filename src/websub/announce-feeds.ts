import { userAgentFor } from "../fetch/user-agent.ts";
import type { Site } from "../model/site.ts";
import {
  type AnnouncedDigests,
  digestFeeds,
  readAnnounced,
  saveAnnounced,
} from "./feed-digests.ts";
import { hubFeeds } from "./hub-feeds.ts";
import { publishToHub } from "./publish-to-hub.ts";

/** A build waits this long at most for the hub. */
export const HUB_DEADLINE_MS = 10_000;

/**
 * After a render into `outDir`: tells the planet's WebSub hub of every feed whose bytes differ
 * from what the hub was last told of (all of them the first time). A feed the hub did not take
 * stays unannounced, so the next build tries it again. Problems are one line in `log`, never an
 * error: readers' push is a bonus, the site is what the build is for.
 */
export async function announceChangedFeeds(
  site: Site,
  outDir: string,
  cacheDir: string,
  log: (line: string, kind?: "problem") => void,
  deadlineMs = HUB_DEADLINE_MS,
): Promise<void> {
  const { hub } = site.config;
  if (hub === undefined) return;
  const announced = await readAnnounced(cacheDir, hub);
  const current = await digestFeeds(outDir, hubFeeds(site));
  const changed = Object.keys(current).filter((url) => announced[url] !== current[url]);
  if (changed.length === 0) return;
  const answers = await publishToHub(hub, changed, {
    deadlineMs,
    userAgent: userAgentFor(site.config.title, site.config.link),
  });
  const told = new Set(answers.filter((answer) => answer.ok).map((answer) => answer.url));
  // A feed the hub was not told of keeps its old digest (if any): still changed next time.
  const known: AnnouncedDigests = {};
  for (const [url, digest] of Object.entries(current)) {
    const kept = told.has(url) || !changed.includes(url) ? digest : announced[url];
    if (kept !== undefined) known[url] = kept;
  }
  await saveAnnounced(cacheDir, hub, known);
  const failed = answers.flatMap((answer) => (answer.ok ? [] : [answer]));
  const [first] = failed;
  if (first !== undefined) {
    log(
      `WebSub hub ${hub}: ${failed.length} of ${changed.length} changed feeds not announced (${first.reason}); the next build tries again`,
      "problem",
    );
  } else {
    log(`WebSub hub told of ${changed.length} changed feed${changed.length === 1 ? "" : "s"}.`);
  }
}
