/** One post from any member feed (or an event announcement), normalized and sanitized. */
export interface Post {
  /** Stable key across builds and feeds: derived from the feed URL and the entry's own id. */
  key: string;
  /** The entry's own id as the feed gave it (guid, atom:id, JSON id), else its link. */
  sourceId: string;
  /** The configured URL of the feed this post came from. */
  feedUrl: string;
  /** The member (feed `name` in feeds.json). */
  member: string;
  /** The member's site, absolute http(s), or null. */
  memberLink: string | null;
  /** Plain text, entities decoded once. */
  title: string;
  /** The post's own page, absolute http(s), or null. */
  link: string | null;
  /** As the feed gave it; never invented. */
  published: Date | null;
  /** As the feed gave it; never invented. */
  updated: Date | null;
  /** When the planet first saw this entry (kept in the cache); orders undated posts. */
  firstSeen: Date;
  /** Author name only (never an e-mail address), or null. */
  author: string | null;
  /** Sanitized HTML with absolute URLs: safe for set:html. */
  contentHtml: string;
  /** Plain-text category labels. */
  categories: string[];
}

/** The instant a post is ordered and grouped by: published, else updated, else first seen. */
export function postDate(post: Post): Date {
  return post.published ?? post.updated ?? post.firstSeen;
}
