import { type PostFields, postDate } from "../model/post.ts";

/** Where a post stands in the stream: its instant, and its key to order posts of one instant. */
export interface StreamPosition {
  time: number;
  key: string;
}

/** A post's position in the stream. */
export function positionOf(post: PostFields): StreamPosition {
  return { time: postDate(post).getTime(), key: post.key };
}

/** Newest first; equal instants fall back to the stable key so every build orders alike. */
export function comparePositions(a: StreamPosition, b: StreamPosition): number {
  return b.time - a.time || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
}

/** Posts newest first, as comparePositions orders them. */
export function comparePosts(a: PostFields, b: PostFields): number {
  return comparePositions(positionOf(a), positionOf(b));
}

/**
 * The posts a reader sees: those already due at `now` and, with `keepMonths`, dated within that
 * many months before it; each once, newest first.
 * The same entry arriving through two feeds (same id, or same link from another feed) is shown
 * once. Within one feed a shared link is no proof: a holiday calendar's days all link one page.
 */
export function selectPosts<P extends PostFields>(
  candidates: readonly P[],
  now: Date,
  keepMonths: number | null = null,
): P[] {
  const since = keepMonths === null ? Number.NEGATIVE_INFINITY : monthsBefore(now, keepMonths);
  const due = candidates.filter((post) => {
    const time = postDate(post).getTime();
    return time <= now.getTime() && time >= since;
  });
  const sorted = [...due].sort(comparePosts);
  const seenIds = new Set<string>();
  const feedsByLink = new Map<string, Set<string>>();
  const selected: P[] = [];
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

/** The instant `months` calendar months before `now` (UTC), as a time value. */
function monthsBefore(now: Date, months: number): number {
  const since = new Date(now);
  since.setUTCMonth(since.getUTCMonth() - months);
  return since.getTime();
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The instant (to the day) at which a post dated `time` falls out of the last `keepMonths`
 * months, as selectPosts keeps them. Adding months is not the exact inverse of taking them away
 * at a month's end (31 December + 2 months is 3 March, yet the post leaves on 1 March), hence
 * the steps back and forth.
 */
export function leavesKeptMonthsAt(time: number, keepMonths: number): number {
  const kept = (at: number) => monthsBefore(new Date(at), keepMonths) <= time;
  const at = new Date(time);
  at.setUTCMonth(at.getUTCMonth() + keepMonths);
  let leaves = at.getTime() + 1;
  while (!kept(leaves - DAY_MS)) leaves -= DAY_MS;
  while (kept(leaves)) leaves += DAY_MS;
  return leaves;
}
