import type { PlanetEvent } from "../model/event.ts";
import type { Post, SanitizedFrom } from "../model/post.ts";
import type { Truncation } from "../model/truncation.ts";
import type { EarlierContent } from "../sanitize/sanitize-once.ts";
import type { FeedRecord } from "../store/feed-record.ts";

/** What a fetched document yields, or why it can't be read. */
export type BodyReading =
  | {
      ok: true;
      /** The source's own title, as plain text. */
      title: string | null;
      /** The source's site, absolute http(s), or null. */
      link: string | null;
      posts: Post[];
      events: PlanetEvent[];
      /** Recurring events too dense to expand over the whole window (iCalendar sources). */
      seriesCut: number;
      /** What was left out to fit the bounds; absent when the reader cuts nothing. */
      truncated?: Truncation;
      /** What made each post's content, by post key; absent when the reader does not say. */
      sanitized?: ReadonlyMap<string, SanitizedFrom>;
    }
  | {
      ok: false;
      message: string;
      /** Feeds an HTML page advertises, when the document was a web page. */
      advertisedFeeds: string[];
    };

/**
 * Reads one fetched document of a source; `previous` holds what the cache remembers of it. A
 * source's reader may first have to load its parsers (see planet-sources.ts), hence the promise.
 */
export type BodyReader = (
  text: string,
  finalUrl: string,
  previous: FeedRecord,
) => BodyReading | Promise<BodyReading>;

/** First-seen times of the cached posts, by source id. */
export function firstSeenOf(previous: FeedRecord): Record<string, string> {
  return Object.fromEntries(previous.posts.map((post) => [post.sourceId, post.firstSeen]));
}

/** The cached posts' sanitized content, by the digest of what made it (when that was kept). */
export function earlierContentOf(previous: FeedRecord): EarlierContent {
  const earlier = new Map<string, { html: string; shortened: boolean }>();
  for (const post of previous.posts) {
    if (post.sanitized === undefined) continue;
    earlier.set(post.sanitized.input, {
      html: post.contentHtml,
      shortened: post.sanitized.shortened,
    });
  }
  return earlier;
}
