import type { Post } from "../model/post.ts";
import type { Site } from "../model/site.ts";

/** Path prefix of the planet on its host, e.g. `/` or `/planet/`, taken from the configured link. */
export function basePath(site: Site): string {
  const { pathname } = new URL(site.config.link);
  return pathname.endsWith("/") ? pathname : `${pathname}/`;
}

/** Site-relative href of a page or file of the planet. */
export function hrefTo(site: Site, path: string): string {
  return `${basePath(site)}${path}`;
}

/** Href of archive page `n` (1 is the front page). */
export function pageHref(site: Site, n: number): string {
  return hrefTo(site, n <= 1 ? "" : `page/${n}/`);
}

/** The id of a post's title on the stream page that shows it. */
export function postAnchor(post: Post): string {
  return `post-${post.key}`;
}
