import { type ListedPost, type PostFields, postDate } from "../model/post.ts";
import { dayKey } from "./group-by-day.ts";
import { comparePositions, positionOf, type StreamPosition } from "./select-posts.ts";

// Archive pages are sealed by position: a page begins at the post that opened it and holds every
// post up to where the next page begins, whatever arrives later. Only the newest page is open;
// once it holds more than `perPage` posts its oldest `perPage` are sealed and the rest open a new
// page. So a new post changes the newest page (or one sealed page, if it is dated inside that
// page's period), and a page's URL keeps its posts for good. The boundaries are kept in the cache
// (store/archive-layout-file.ts); without them the pages are laid out anew, `perPage` at a time
// from the oldest post, which is also what they would be had no post ever arrived late.

/** Where an archive page begins: the ordering position of the post that opened it. */
export interface ArchiveBoundary {
  /** The page's path segment under archive/: the day it begins, `-2`, `-3` … if taken. */
  slug: string;
  /** The opening post's date (ISO 8601), and its key to order posts of the same instant. */
  date: string;
  key: string;
}

/** One archive page: its posts newest first, as every stream page shows them. */
export interface ArchivePage {
  slug: string;
  posts: ListedPost[];
  /** The first and last day it holds, `YYYY-MM-DD` in the planet's time zone. */
  firstDay: string;
  lastDay: string;
}

/** The archive as laid out this build, and the boundaries to keep for the next. */
export interface ArchiveLayout {
  /** Oldest page first; pages left without posts are dropped. */
  pages: ArchivePage[];
  boundaries: ArchiveBoundary[];
}

/** A sealed page that late arrivals grow past this many times `perPage` is split. */
const SPLIT_FACTOR = 2;

/**
 * Lays out `posts` (newest first, as selected) on archive pages that begin at `boundaries` (from
 * the last build; empty when there is none), opening and splitting pages as needed.
 */
export function layOutArchive(
  posts: readonly ListedPost[],
  boundaries: readonly ArchiveBoundary[],
  perPage: number,
  timeZone: string,
): ArchiveLayout {
  const oldestFirst = [...posts].reverse();
  const starts = [...boundaries].sort(compareBoundaries);
  // Without boundaries, one group: the first page begins at the oldest post.
  const groups: ListedPost[][] = starts.length > 0 ? starts.map(() => []) : [[]];
  let page = 0;
  for (const post of oldestFirst) {
    while (page + 1 < starts.length && compareToBoundary(post, starts[page + 1]) >= 0) page++;
    groups[page]?.push(post);
  }

  const slugs = new Set(starts.map((boundary) => boundary.slug));
  const pages: { start: ArchiveBoundary; posts: ListedPost[] }[] = [];
  groups.forEach((group, i) => {
    if (group.length === 0) return;
    const isNewest = i === groups.length - 1;
    // A page without a boundary yet (the very first) begins at its oldest post.
    let start = starts[i] ?? openBoundary(group[0] as ListedPost, slugs, timeZone);
    const limit = isNewest ? perPage : perPage * SPLIT_FACTOR;
    let from = 0;
    while (group.length - from > limit) {
      pages.push({ start, posts: group.slice(from, from + perPage) });
      from += perPage;
      start = openBoundary(group[from] as ListedPost, slugs, timeZone);
    }
    pages.push({ start, posts: group.slice(from) });
  });

  return {
    pages: pages.map(({ start, posts: oldestOnPage }) => ({
      slug: start.slug,
      posts: [...oldestOnPage].reverse(),
      firstDay: dayKey(postDate(oldestOnPage[0] as ListedPost), timeZone),
      lastDay: dayKey(postDate(oldestOnPage.at(-1) as ListedPost), timeZone),
    })),
    boundaries: pages.map(({ start }) => start),
  };
}

/** A new boundary at `post`, with a slug no other page has had. */
function openBoundary(post: PostFields, taken: Set<string>, timeZone: string): ArchiveBoundary {
  const day = dayKey(postDate(post), timeZone);
  let slug = day;
  for (let n = 2; taken.has(slug); n++) slug = `${day}-${n}`;
  taken.add(slug);
  return { slug, date: postDate(post).toISOString(), key: post.key };
}

/** Oldest first. */
function compareBoundaries(a: ArchiveBoundary, b: ArchiveBoundary): number {
  return comparePositions(positionAt(b), positionAt(a));
}

/** Negative when `post` is older than `boundary`, zero at it, positive when newer. */
function compareToBoundary(post: PostFields, boundary: ArchiveBoundary | undefined): number {
  return boundary === undefined ? -1 : comparePositions(positionAt(boundary), positionOf(post));
}

function positionAt(boundary: ArchiveBoundary): StreamPosition {
  return { time: Date.parse(boundary.date), key: boundary.key };
}
