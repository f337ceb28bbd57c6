import type { PlanetConfig } from "../config/schema.ts";
import type { ArchivePage } from "../select/archive-pages.ts";
import type { PlanetEvent } from "./event.ts";
import type { ListedPost } from "./post.ts";

/** Everything the renderers need for one build; produced by the pipeline, read by every output. */
export interface Site {
  config: PlanetConfig;
  /** The build's "now" (PLANET_NOW or the clock). */
  now: Date;
  /** Every post due at `now`, deduplicated, newest first. */
  posts: ListedPost[];
  /** Where their contents are, and those read so far. */
  contents: PostContents;
  /** The same posts on stable archive pages, oldest page first. */
  archive: ArchivePage[];
  /** Members in config order, with the link each resolved to. */
  members: Member[];
  /** Every known event of every source, each once, soonest first. */
  events: PlanetEvent[];
}

/** A member of the planet, for the blogroll, OPML and headings. */
export interface Member {
  name: string;
  feedUrl: string;
  link: string | null;
  face: string | null;
  /** The feed's own title, when it has been fetched. */
  feedTitle: string | null;
  /** Categories the config files this member under, as written there; empty for none. */
  categories: string[];
}

/** The absolute URL of a file of the planet, e.g. `rss.xml`. */
export function planetUrl(site: Site, path: string): string {
  return new URL(path, site.config.link.endsWith("/") ? site.config.link : `${site.config.link}/`)
    .href;
}

/**
 * Where the contents of a site's posts are: the cache's content files, read as pages and feeds
 * need them (store/read-post-contents.ts), and the contents read so far. Plain data, so that it
 * goes to the render process with the site.
 */
export interface PostContents {
  /** The folder of the feed cache. */
  cacheDir: string;
  /** Where each post's content is kept, by post key. */
  locations: Map<string, ContentLocation>;
  /** Contents read so far (in a site made in memory, all of them), by post key. */
  loaded: Map<string, string>;
}

/** Where one post's content is kept in the cache. */
export interface ContentLocation {
  /** The content file: that of the source at `url` whose bytes hash to `contentSha256`. */
  file: { url: string; contentSha256: string };
  /**
   * The bytes of the content's JSON string literal in that file, or null when not known (the
   * whole file is read).
   */
  range: ByteRange | null;
}

/** Bytes `start` up to (not including) `end` of a file. */
export interface ByteRange {
  start: number;
  end: number;
}

/** A post's content; it must have been read (readPostContents) before it is shown. */
export function contentOf(site: Pick<Site, "contents">, post: ListedPost): string {
  const html = site.contents.loaded.get(post.key);
  if (html === undefined) {
    throw new Error(`the content of "${post.title}" (${post.feedUrl}) was not read before use`);
  }
  return html;
}

/** The posts the aggregated feeds carry: the front page's. */
export function feedPosts(site: Site): ListedPost[] {
  return site.posts.slice(0, site.config.postsPerPage);
}
