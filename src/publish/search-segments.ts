import type { ArchivePage } from "../select/archive-pages.ts";

// Which archive pages share a search segment. A segment is indexed as a whole, and reused byte for
// byte while its pages are unchanged, so small segments make a new post cheap to index and large
// ones make a reader's first search cheap (the page merges every segment). Segments are runs of
// 1, 4, 16, … pages laid from the oldest page, the largest that fit first: as the archive grows,
// four runs of one size merge into one of the next, like a binary counter in base 4. So the open
// page sits in a run of at most a few pages, each page is indexed again only a few times in its
// life, and a planet of P pages has at most about P ÷ the largest size + 3 × the number of sizes
// segments. The newest page, the one new posts go to, is a segment of its own.
//
// A post that arrives late (dated before the newest page) lands on the page of its date, and
// indexes that page's whole run again: so the pages of the last LATE_DAYS before the newest page
// stay in runs of at most RECENT_RUN pages, and larger runs form only behind them.

/** Text enough to keep Pagefind's memory (~20 MB per MB of text) to a few hundred MB a segment. */
const MOST_POSTS_PER_SEGMENT = 2000;

/** Late posts mostly come within days (a blog post is often dated when its draft was begun). */
const LATE_DAYS = 7;

/** The largest run of the recent pages: what a late post costs to index, in pages. */
const RECENT_RUN = 4;

/** At most this many recent pages: a busy planet's readers merge at most 16 more segments. */
const MOST_RECENT_PAGES = 16 * RECENT_RUN;

/**
 * How many pages each segment holds, oldest segment first; they add up to `pageCount`. The last
 * `recentPages` sealed pages (recentSealedPages) are in runs of at most RECENT_RUN pages.
 */
export function planSearchSegments(
  pageCount: number,
  postsPerPage: number,
  recentPages = 0,
): number[] {
  const sizes = [1];
  while ((sizes[0] as number) * 4 * postsPerPage <= MOST_POSTS_PER_SEGMENT) {
    sizes.unshift((sizes[0] as number) * 4);
  }
  if (pageCount === 0) return [];
  const sealed = pageCount - 1;
  const segments: number[] = [];
  // Each size starts where a multiple of it ends, so a run, once formed, keeps its pages.
  let laid = 0;
  for (const size of sizes) {
    const end = size > RECENT_RUN ? sealed - recentPages : sealed;
    for (; laid + size <= end; laid += size) segments.push(size);
  }
  return [...segments, 1];
}

/**
 * How many sealed pages (all but the newest) hold days of the LATE_DAYS before the newest's first
 * day, up to MOST_RECENT_PAGES.
 */
export function recentSealedPages(archive: readonly ArchivePage[]): number {
  const newest = archive.at(-1);
  if (newest === undefined) return 0;
  const since = new Date(Date.parse(newest.firstDay) - LATE_DAYS * 24 * 3600 * 1000);
  const sinceDay = since.toISOString().slice(0, 10);
  const most = Math.min(archive.length - 1, MOST_RECENT_PAGES);
  let recent = 0;
  while (recent < most && (archive.at(-2 - recent)?.lastDay ?? "") >= sinceDay) recent++;
  return recent;
}
