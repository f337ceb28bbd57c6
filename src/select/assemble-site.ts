import type { PlanetConfig } from "../config/schema.ts";
import { dedupeEvents } from "../events/dedupe-events.ts";
import { fromStoredEvent } from "../events/stored-event.ts";
import type { ListedPost } from "../model/post.ts";
import { contentOf, type Member, type PostContents, type Site } from "../model/site.ts";
import type { ListedSource } from "../refresh/load-listings.ts";
import { type ArchiveBoundary, layOutArchive } from "./archive-pages.ts";
import { filterEvents, filterPosts } from "./filter-posts.ts";
import { nextChangeAt } from "./next-change.ts";
import { selectPosts } from "./select-posts.ts";

/** The site at `now`, and the next instant at which the clock alone would change it. */
export interface AssembledSite {
  site: Site;
  /** When a held-back post comes due or an upcoming event ends; null if never. */
  changesAt: Date | null;
  /** Where each archive page begins, to keep for the next build. */
  archiveBoundaries: ArchiveBoundary[];
  /** Posts each source's filter or the hide list took out, by the source's configured URL. */
  filtered: Record<string, number>;
}

/**
 * The site as readers will see it at `now`: every cached post that is due, on archive pages that
 * begin where the last build's did (`archiveBoundaries`), the members, the events. `contents`
 * holds the text of the posts that a keyword filter reads.
 */
export function assembleSite(
  config: PlanetConfig,
  sources: readonly ListedSource[],
  contents: PostContents,
  now: Date,
  archiveBoundaries: readonly ArchiveBoundary[] = [],
): AssembledSite {
  const members: Member[] = sources
    .filter(({ source }) => source.kind === "feed")
    .map(({ source, state }) => ({
      name: source.name,
      feedUrl: source.url,
      link: source.link ?? state.feedLink,
      face: source.face,
      feedTitle: state.feedTitle,
      categories: source.categories,
    }));
  // Names and links come from today's config, so renaming a member needs no refetch.
  const hidden = new Set(config.hide);
  const filtered: Record<string, number> = {};
  const htmlOf = (post: ListedPost): string => contentOf({ contents }, post);
  const candidates = sources.flatMap(({ source, state, posts: listed }) => {
    const posts = listed.map((post) => ({
      ...post,
      member: source.name,
      memberLink: source.link ?? state.feedLink,
    }));
    const { kept, dropped } = filterPosts(posts, source.filter, hidden, htmlOf);
    filtered[source.url] = dropped;
    return kept;
  });
  const events = dedupeEvents(
    filterEvents(
      sources.flatMap(({ events }) => events.map(fromStoredEvent)),
      hidden,
    ),
  ).sort((a, b) => a.start.getTime() - b.start.getTime() || a.uid.localeCompare(b.uid));
  const keepMonths = config.keepMonths ?? null;
  const posts = selectPosts(candidates, now, keepMonths);
  const archive = layOutArchive(posts, archiveBoundaries, config.postsPerPage, config.timezone);
  return {
    site: { config, now, posts, contents, archive: archive.pages, members, events },
    changesAt: nextChangeAt(candidates, events, now, keepMonths),
    archiveBoundaries: archive.boundaries,
    filtered,
  };
}
