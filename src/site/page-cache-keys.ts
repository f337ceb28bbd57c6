import { createHash } from "node:crypto";
import type { ListedPost } from "../model/post.ts";
import type { Site } from "../model/site.ts";
import { upcomingEvents } from "../select/select-events.ts";
import { oncePerObject } from "./once-per-object.ts";

/** What a page shows besides its posts. */
export interface PageShows {
  /** Whether its sidebar lists the upcoming events (every page but the archive pages). */
  upcomingEvents: boolean;
  /** Anything else it shows, e.g. an archive page's neighbours. */
  details?: unknown;
}

/**
 * The `cacheKey` the publish stage compares to reuse a page rendered by an earlier build
 * (publish/page-store.ts): equal keys must mean equal pages. It covers what every page shows (the
 * config, the members in headings, bylines and the sidebar), the upcoming events where the page
 * lists them, the page's own posts (by the digests their listings keep), and `shows.details`. The
 * template code is not in it: a new version of the code renders every page anew. Archive pages
 * leave the upcoming events out, so that a meetup that ends renders none of them again.
 */
export function pageCacheKey(site: Site, posts: readonly ListedPost[], shows: PageShows): string {
  const hash = createHash("sha256")
    .update(shows.upcomingEvents ? withUpcomingEvents(site) : sharedDigest(site))
    .update(JSON.stringify(shows.details ?? null));
  for (const post of posts) hash.update(post.digest);
  return hash.digest("base64url");
}

const sharedDigest = oncePerObject((site: Site): string => {
  const { config, members } = site;
  return createHash("sha256").update(JSON.stringify({ config, members })).digest("base64url");
});

const withUpcomingEvents = oncePerObject((site: Site): string => {
  const upcoming = upcomingEvents(site.events, site.now);
  return createHash("sha256")
    .update(sharedDigest(site))
    .update(JSON.stringify(upcoming))
    .digest("base64url");
});
