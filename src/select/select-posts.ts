import { type Post, postDate } from "../model/post.ts";

/** Newest first; equal instants fall back to the stable key so every build orders alike. */
export function comparePosts(a: Post, b: Post): number {
  return (
    postDate(b).getTime() - postDate(a).getTime() || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)
  );
}

/**
 * The posts a reader sees: those already due at `now`, each once, newest first.
 * The same entry arriving through two feeds (same id, or same link from another feed) is shown
 * once. Within one feed a shared link is no proof: a holiday calendar's days all link one page.
 */
export function selectPosts(candidates: readonly Post[], now: Date): Post[] {
  const due = candidates.filter((post) => postDate(post).getTime() <= now.getTime());
  const sorted = [...due].sort(comparePosts);
  const seenIds = new Set<string>();
  const feedsByLink = new Map<string, Set<string>>();
  const selected: Post[] = [];
  for (const post of sorted) {
    const linkedFrom = post.link ? feedsByLink.get(post.link) : undefined;
    const elsewhere = linkedFrom !== undefined && [...linkedFrom].some((f) => f !== post.feedUrl);
    if (seenIds.has(post.sourceId) || elsewhere) continue;
    seenIds.add(post.sourceId);
    if (post.link) feedsByLink.set(post.link, (linkedFrom ?? new Set()).add(post.feedUrl));
    selected.push(post);
  }
  return selected;
}

/** Splits items into pages of `size`; always at least one (possibly empty) page. */
export function paginate<T>(items: readonly T[], size: number): T[][] {
  const pages: T[][] = [];
  for (let start = 0; start < items.length; start += size)
    pages.push(items.slice(start, start + size));
  return pages.length > 0 ? pages : [[]];
}
