import type { ListedPost } from "../model/post.ts";
import { contentOf, type Site } from "../model/site.ts";
import { EXCERPT_WORDS, truncateHtml } from "../site/truncate-html.ts";
import { escapeHtml } from "../text/escape-html.ts";

/** The most items an output feed carries, whatever `postsPerPage` says. */
export const MAX_FEED_ITEMS = 100;

/**
 * Bytes of whole posts (as the feed writes them, escaped) one output feed carries: feed readers
 * fetch the feed every few minutes, and some give up on one of several megabytes. Sixty real
 * posts take a third of it; past it, the older posts are carried as excerpts.
 */
export const FEED_CONTENT_BYTES = 1_000_000;

/** Bytes of one excerpt, escaped; one larger (markup without words to cut at) is left out. */
export const EXCERPT_BYTES = 4_000;

/** One item of an output feed: the post, and the content the feed carries for it. */
export interface FeedItem {
  post: ListedPost;
  /** Sanitized HTML: the whole post, or its start with a link to the rest. */
  contentHtml: string;
}

/** Characters XML text escaping turns into entities of up to six bytes. */
const ESCAPED = /[<>&"']/g;

/**
 * The items of an output feed of `posts` (the front page's, or a category's), at most
 * MAX_FEED_ITEMS, newest first, each whole while the whole posts stay within FEED_CONTENT_BYTES; a post that does not
 * fit gives its first EXCERPT_WORDS words and a link to the original, or nothing but its title
 * and link when that excerpt is over EXCERPT_BYTES. So the content of a feed is at most
 * FEED_CONTENT_BYTES + MAX_FEED_ITEMS × EXCERPT_BYTES, 1.4 MB.
 */
export function feedItems(site: Site, posts: readonly ListedPost[]): FeedItem[] {
  let room = FEED_CONTENT_BYTES;
  return posts.slice(0, MAX_FEED_ITEMS).map((post) => {
    const html = contentOf(site, post);
    const bytes = escapedBytes(html);
    if (bytes <= room) {
      room -= bytes;
      return { post, contentHtml: html };
    }
    const excerpt = excerptOf(post, html);
    return { post, contentHtml: escapedBytes(excerpt) <= EXCERPT_BYTES ? excerpt : "" };
  });
}

/** The post's first words, ending with a link to the whole post when it has one. */
function excerptOf(post: ListedPost, html: string): string {
  const excerpt = truncateHtml(html, EXCERPT_WORDS);
  if (!excerpt.truncated || post.link === null) return excerpt.html;
  const link = `<a href="${escapeHtml(post.link)}" rel="nofollow ugc noopener">Continue reading</a>`;
  return `${excerpt.html}<p>${link}</p>`;
}

/** The bytes `html` takes in the feed, escaped as XML text: at most, not exactly. */
function escapedBytes(html: string): number {
  return Buffer.byteLength(html) + 5 * (html.match(ESCAPED)?.length ?? 0);
}
