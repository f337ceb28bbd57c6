import { sha256Hex } from "../text/sha256.ts";

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

/** Everything about a post but its content: all that ordering, grouping and filtering read. */
export type PostFields = Omit<Post, "contentHtml">;

/**
 * A post as the site lists it: everything but its content. Pages and feeds read the contents of
 * the posts they show from the cache (Site's `contents`), so a build that writes a few pages holds
 * a few pages' posts, not every cached one.
 */
export interface ListedPost extends PostFields {
  /** sha256 of the content (hex): enough for a page's cache key to know it changed. */
  contentDigest: string;
  /** shownDigest of the post: what pages' cache keys are made of. */
  digest: string;
}

/** The listing of a post whose content is at hand. */
export function listPost(post: Post): ListedPost {
  const { contentHtml, ...fields } = post;
  const contentDigest = contentDigestOf(contentHtml);
  return { ...fields, contentDigest, digest: shownDigest({ ...fields, contentDigest }) };
}

/**
 * A hash of everything a page can show of a post, its content by its digest, made once when the
 * post is listed: a build's pages' cache keys need it for every post, and worked out there it was
 * a tenth of the render process's time. The member's name and link are left out: pages take them
 * from the config, which is in every page's key. Dates go in as JSON writes them (ISO, as the
 * cache keeps them).
 */
export function shownDigest(post: Omit<ListedPost, "digest" | "member" | "memberLink">): string {
  const { key, sourceId, feedUrl, title, link, published, updated, firstSeen } = post;
  const { author, categories, contentDigest } = post;
  const shown = [key, sourceId, feedUrl, title, link, published, updated, firstSeen];
  return sha256Hex(JSON.stringify([...shown, author, categories, contentDigest]));
}

/** What a listing keeps of a post's content: its sha256. */
export function contentDigestOf(contentHtml: string): string {
  return sha256Hex(contentHtml);
}

/**
 * What made a post's sanitized content, kept with it in the cache so that the next run can tell
 * an entry it has already sanitized (see sanitize/sanitize-once.ts).
 */
export interface SanitizedFrom {
  /** sha256 (hex) of the sanitizer's input and code. */
  input: string;
  /** Whether the sanitizer had to shorten the content to fit its bounds. */
  shortened: boolean;
}

/** The instant a post is ordered and grouped by: published, else updated, else first seen. */
export function postDate(post: Pick<Post, "published" | "updated" | "firstSeen">): Date {
  return post.published ?? post.updated ?? post.firstSeen;
}
