import type { ListedPost } from "../model/post.ts";
import type { Site } from "../model/site.ts";

/** Folder under the site where the search index and Pagefind's own script live. */
export const SEARCH_DIR = "pagefind";

/** Path prefix of the planet on its host, e.g. `/` or `/planet/`, taken from the configured link. */
export function basePath(site: Site): string {
  const { pathname } = new URL(site.config.link);
  return pathname.endsWith("/") ? pathname : `${pathname}/`;
}

/** Site-relative href of a page or file of the planet. */
export function hrefTo(site: Site, path: string): string {
  return `${basePath(site)}${path}`;
}

/** Path of the archive's index, or of one archive page, under the planet's link. */
export function archivePath(slug?: string): string {
  return slug === undefined ? "archive/" : `archive/${slug}/`;
}

/** The file of an archive page, relative to the site's root. */
export function archivePageFile(page: { slug: string }): string {
  return `${archivePath(page.slug)}index.html`;
}

/** Href of the archive's index, or of one archive page. */
export function archiveHref(site: Site, slug?: string): string {
  return hrefTo(site, archivePath(slug));
}

/** The id of a post's title on the stream page that shows it. */
export function postAnchor(post: ListedPost): string {
  return `post-${post.key}`;
}
