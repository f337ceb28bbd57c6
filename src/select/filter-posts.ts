import type { FeedFilter } from "../config/schema.ts";
import type { PlanetEvent } from "../model/event.ts";
import { eventIdentity } from "../model/event.ts";
import type { PostFields } from "../model/post.ts";
import { htmlToText } from "../text/html-to-text.ts";

/** A source's posts after its filter and the planet's hide list, and how many were dropped. */
export interface FilteredPosts<P> {
  kept: P[];
  /** Posts the filter or the hide list took out. */
  dropped: number;
}

/**
 * Keeps the posts of one source that pass its `filter` (none: every post) and are not on the
 * `hidden` list (post links or ids, as feeds.json's `hide` gives them). `htmlOf` gives a post's
 * content, which only a filter with keywords reads.
 */
export function filterPosts<P extends PostFields>(
  posts: readonly P[],
  filter: FeedFilter | null,
  hidden: ReadonlySet<string>,
  htmlOf: (post: P) => string,
): FilteredPosts<P> {
  const passes = filter === null ? () => true : postFilter(filter, htmlOf);
  const kept = posts.filter((post) => !isHidden(post, hidden) && passes(post));
  return { kept, dropped: posts.length - kept.length };
}

/** The events a hide list leaves: an event is hidden by its page's URL or its id. */
export function filterEvents(
  events: readonly PlanetEvent[],
  hidden: ReadonlySet<string>,
): PlanetEvent[] {
  if (hidden.size === 0) return [...events];
  return events.filter(
    (event) =>
      !hidden.has(event.uid) &&
      !hidden.has(eventIdentity(event)) &&
      !(event.url !== null && hidden.has(event.url)),
  );
}

function isHidden(post: PostFields, hidden: ReadonlySet<string>): boolean {
  return hidden.has(post.sourceId) || (post.link !== null && hidden.has(post.link));
}

/**
 * A post passes when it matches any wanted category or keyword (or nothing is wanted), unless an
 * excluded word is in its title or categories: the owner's "not this" wins over "this".
 */
function postFilter<P extends PostFields>(
  filter: FeedFilter,
  htmlOf: (post: P) => string,
): (post: P) => boolean {
  const categories = new Set((filter.categories ?? []).map((label) => label.toLowerCase()));
  const keywords = wordPattern(filter.keywords ?? []);
  const excluded = wordPattern(filter.exclude ?? []);
  const wantsAny = categories.size > 0 || keywords !== null;
  return (post) => {
    if (excluded !== null && [post.title, ...post.categories].some((t) => excluded.test(t))) {
      return false;
    }
    if (!wantsAny) return true;
    if (post.categories.some((label) => categories.has(label.trim().toLowerCase()))) return true;
    // Content is compared as text: a keyword inside a tag name or URL is no mention.
    return keywords?.test(`${post.title}\n${htmlToText(htmlOf(post))}`) ?? false;
  };
}

/**
 * One case-insensitive pattern matching any of `words` as a whole word: not inside a longer
 * word, so "nix" finds "Nix" and "nix-shell" but not "unix" or "phoenix".
 */
function wordPattern(words: readonly string[]): RegExp | null {
  if (words.length === 0) return null;
  const alternatives = words.map((word) => word.trim().replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  return new RegExp(`(?<![\\p{L}\\p{N}_])(?:${alternatives.join("|")})(?![\\p{L}\\p{N}_])`, "iu");
}
