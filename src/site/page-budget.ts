import type { PostFields } from "../model/post.ts";
import { EXCERPT_WORDS } from "./truncate-html.ts";

/**
 * Bytes of whole posts one page shows: sixty real posts take a third of it, so only a page full
 * of very long posts (a member posting 100 KB each, or a huge postsPerPage) reaches it. Past it,
 * posts are shown as excerpts, so a page stays under about a megabyte.
 */
export const PAGE_CONTENT_BYTES = 800_000;

/**
 * The word limit each post of a page is shown with, in page order: the page's own
 * (`truncateWords`, null for whole posts) while the page's whole posts fit PAGE_CONTENT_BYTES,
 * then EXCERPT_WORDS. A page that cuts every post short already is left as it is.
 */
export function wordLimitsOnPage<P extends PostFields>(
  posts: readonly P[],
  truncateWords: number | null,
  htmlOf: (post: P) => string,
): Map<P, number | null> {
  let room = PAGE_CONTENT_BYTES;
  return new Map(
    posts.map((post) => {
      if (truncateWords !== null) return [post, truncateWords];
      const bytes = Buffer.byteLength(htmlOf(post));
      if (bytes > room) return [post, EXCERPT_WORDS];
      room -= bytes;
      return [post, null];
    }),
  );
}
