import type { FeedConfig } from "../config/schema.ts";
import { normalizeFeed } from "../normalize/normalize-feed.ts";
import { discoverFeedLinks } from "../parse/discover-feeds.ts";
import { parseFeed } from "../parse/parse-feed.ts";
import { sniffDocument } from "../parse/sniff-document.ts";
import { type BodyReader, earlierContentOf, firstSeenOf } from "./body-reader.ts";

/** Reads a member's feed: RSS, Atom or JSON Feed, into sanitized posts. */
export function feedBodyReader(
  feed: Pick<FeedConfig, "name" | "url" | "link">,
  now: Date,
): BodyReader {
  return (text, finalUrl, previous) => {
    const parsed = parseFeed(text);
    if (!parsed.ok) {
      // The parse error already names its line and column where it has them.
      const advertisedFeeds =
        sniffDocument(text).kind === "html" ? discoverFeedLinks(text, finalUrl) : [];
      return { ok: false, message: parsed.error.message, advertisedFeeds };
    }
    const normalized = normalizeFeed(parsed.feed, {
      feed,
      fetchedUrl: finalUrl,
      firstSeen: firstSeenOf(previous),
      earlier: earlierContentOf(previous),
      now,
    });
    return {
      ok: true,
      title: normalized.title,
      link: normalized.memberLink,
      posts: normalized.posts,
      events: [],
      seriesCut: 0,
      truncated: { posts: normalized.shortenedPosts, items: parsed.feed.omittedEntries },
      sanitized: normalized.sanitized,
    };
  };
}
