import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { eventIdentity } from "../model/event.ts";
import { upcomingEvents } from "../select/select-events.ts";
import { healthRows } from "../site/health-rows.ts";
import { postDigest } from "../site/post-digest.ts";
import type { SiteData } from "../site/site-data.ts";

/**
 * Everything the pages are made from: the site (its clock aside, but which events are still to
 * come), the health rows the feeds page shows, and the code and packages that render them. Two
 * builds with the same fingerprint write the same pages.
 */
export async function renderFingerprint(data: SiteData, projectRoot: string): Promise<string> {
  const { now, posts, ...site } = data.site;
  const hash = createHash("sha256");
  hash.update(
    JSON.stringify({
      site,
      upcoming: upcomingEvents(site.events, now).map(eventIdentity),
      feeds: healthRows(data.health.feeds),
      events: healthRows(data.health.events),
    }),
  );
  // Post by post: one string of them all would hold the whole site a second time.
  for (const post of posts) hash.update(postDigest(post));
  // A new version of a dependency (Astro, say) may render differently too.
  const lock = await readFile(join(projectRoot, "package-lock.json")).catch(() => null);
  if (lock) hash.update(lock);
  for (const folder of ["src", "public"]) {
    const root = join(projectRoot, folder);
    const entries = await readdir(root, { recursive: true, withFileTypes: true });
    const files = entries
      .filter((entry) => entry.isFile())
      .map((entry) => join(entry.parentPath, entry.name))
      .sort();
    for (const file of files)
      hash.update(`\n${relative(projectRoot, file)}\n`).update(await readFile(file));
  }
  return hash.digest("hex");
}
