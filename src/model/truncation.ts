import { CONTENT_BOUNDS } from "../sanitize/content-bounds.ts";
import { POSTS_KEPT_PER_FEED } from "../store/feed-record.ts";

/** What of a feed's last good copy was left out to keep the planet within its bounds. */
export interface Truncation {
  /** Posts shortened: content cut or flattened, or a title, name or label cut. */
  posts: number;
  /** Older entries past the newest POSTS_KEPT_PER_FEED, left unread. */
  items: number;
}

/** A truncation worth reporting (something was left out), else null. */
export function reportedTruncation(truncation: Truncation | null | undefined): Truncation | null {
  if (truncation == null || (truncation.posts === 0 && truncation.items === 0)) return null;
  return { posts: truncation.posts, items: truncation.items };
}

/** What the owner is told about a truncation: what was cut, and what the member could do. */
export function truncationAdvice(truncation: Truncation): string {
  const notes: string[] = [];
  if (truncation.items > 0) {
    notes.push(
      `${truncation.items} older entries left unread (only the newest ${POSTS_KEPT_PER_FEED} are read): the feed could list fewer`,
    );
  }
  if (truncation.posts > 0) {
    const kb = Math.round(CONTENT_BOUNDS.maxLength / 1000);
    const posts = truncation.posts === 1 ? "1 post" : `${truncation.posts} posts`;
    notes.push(
      `${posts} shortened (over ${kb} KB of HTML, nested over ${CONTENT_BOUNDS.maxDepth} levels, or a very long title, author or list of labels); each links to the original`,
    );
  }
  return notes.join("; ");
}
