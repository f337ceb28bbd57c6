import { createHash } from "node:crypto";
import type { Post } from "../model/post.ts";
import type { Site } from "../model/site.ts";
import { upcomingEvents } from "../select/select-events.ts";
import { oncePerObject } from "./once-per-object.ts";
import { postDigest } from "./post-digest.ts";

/**
 * The `cacheKey` Astro's incremental build compares to reuse a page rendered by an earlier build:
 * equal keys must mean equal pages. It covers what every page shows (the config, the members in
 * headings and the sidebar, the upcoming events), the page's own posts, and `details` for what
 * else the page shows (a stream page's page count). The template code is Astro's to compare.
 */
export function pageCacheKey(site: Site, posts: readonly Post[], ...details: unknown[]): string {
  const hash = createHash("sha256").update(sharedDigest(site)).update(JSON.stringify(details));
  for (const post of posts) hash.update(postDigest(post));
  return hash.digest("base64url");
}

const sharedDigest = oncePerObject((site: Site): string => {
  const { config, members, events, now } = site;
  const upcoming = upcomingEvents(events, now);
  return createHash("sha256")
    .update(JSON.stringify({ config, members, upcoming }))
    .digest("base64url");
});
