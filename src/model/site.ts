import type { PlanetConfig } from "../config/schema.ts";
import type { ArchivePage } from "../select/archive-pages.ts";
import type { PlanetEvent } from "./event.ts";
import type { Post } from "./post.ts";

/** Everything the renderers need for one build; produced by the pipeline, read by every output. */
export interface Site {
  config: PlanetConfig;
  /** The build's "now" (PLANET_NOW or the clock). */
  now: Date;
  /** Every post due at `now`, deduplicated, newest first. */
  posts: Post[];
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

/** The posts the aggregated feeds carry: the front page's. */
export function feedPosts(site: Site): Post[] {
  return site.posts.slice(0, site.config.postsPerPage);
}
