import { describe, expect, it } from "vitest";
import { planSearchSegments, recentSealedPages } from "../../src/publish/search-segments.ts";
import type { ArchivePage } from "../../src/select/archive-pages.ts";

/** The page ranges `[first, last]` of each segment. */
function ranges(pageCount: number, postsPerPage: number, recentPages = 0): [number, number][] {
  let first = 0;
  return planSearchSegments(pageCount, postsPerPage, recentPages).map((size) => {
    first += size;
    return [first - size, first - 1];
  });
}

describe("planSearchSegments", () => {
  it("has no segment for no pages, and one for one page", () => {
    expect(planSearchSegments(0, 60)).toEqual([]);
    expect(planSearchSegments(1, 60)).toEqual([1]);
  });

  it("lays runs of 16, 4 and 1 pages from the oldest page at 60 posts a page", () => {
    expect(planSearchSegments(24, 60)).toEqual([16, 4, 1, 1, 1, 1]);
    expect(planSearchSegments(134, 60)).toEqual([16, 16, 16, 16, 16, 16, 16, 16, 4, 1, 1]);
  });

  it("gives the newest page, where new posts go, a segment of its own", () => {
    for (let pages = 1; pages < 100; pages++) {
      expect(planSearchSegments(pages, 60).at(-1)).toBe(1);
    }
  });

  it("indexes at most one largest run again when a page is added, and keeps the full runs", () => {
    for (let pages = 1; pages < 200; pages++) {
      const before = ranges(pages, 60);
      const after = ranges(pages + 1, 60);
      const rebuiltPages = after
        .filter((range) => !before.some((r) => r[0] === range[0] && r[1] === range[1]))
        .reduce((sum, [first, last]) => sum + last - first + 1, 0);
      // At worst one run of the largest size forms, and the new page opens.
      expect(rebuiltPages, `at ${pages} pages`).toBeLessThanOrEqual(16 + 1);
      const fullRuns = before.filter(([first, last]) => last - first + 1 === 16);
      for (const run of fullRuns) expect(after, `at ${pages} pages`).toContainEqual(run);
    }
  });

  it("holds at most about 2,000 posts in a segment, and one page even if it holds more", () => {
    expect(Math.max(...planSearchSegments(500, 20))).toBe(64);
    expect(Math.max(...planSearchSegments(500, 1000))).toBe(1);
  });

  it("keeps the recent sealed pages, where late posts land, in runs of at most 4 pages", () => {
    expect(planSearchSegments(134, 60, 44)).toEqual([
      ...Array(5).fill(16),
      ...Array(13).fill(4),
      1,
      1,
    ]);
    expect(planSearchSegments(24, 60, 30)).toEqual([4, 4, 4, 4, 4, 1, 1, 1, 1]);
  });

  it("keeps every run it formed as the recent pages move on with the archive", () => {
    for (let pages = 1; pages < 200; pages++) {
      // About seven pages a day and a week of recent pages, as the pages' days would give.
      const recent = (n: number) => Math.min(n - 1, 40 + (n % 7));
      const before = ranges(pages, 60, recent(pages));
      const after = ranges(pages + 1, 60, recent(pages + 1));
      for (const run of before.filter(([first, last]) => last - first + 1 > 1)) {
        const kept = after.some(([first, last]) => first <= run[0] && run[1] <= last);
        expect(kept, `at ${pages} pages, run ${run}`).toBe(true);
      }
    }
  });
});

describe("recentSealedPages", () => {
  const page = (firstDay: string, lastDay = firstDay): ArchivePage => ({
    slug: firstDay,
    posts: [],
    firstDay,
    lastDay,
  });

  it("counts the sealed pages holding a day of the week before the newest page's first", () => {
    const archive = [
      page("2017-02-20", "2017-02-24"),
      // Ends the day before the week begins, and on its first day (the newest begins 03-14).
      page("2017-02-25", "2017-03-06"),
      page("2017-03-06", "2017-03-07"),
      page("2017-03-10"),
      page("2017-03-14", "2017-03-20"),
    ];
    expect(recentSealedPages(archive)).toBe(2);
    expect(recentSealedPages(archive.slice(0, 2))).toBe(1);
    expect(recentSealedPages(archive.slice(0, 1))).toBe(0);
    expect(recentSealedPages([])).toBe(0);
  });

  it("counts at most 64 pages, however many a busy week fills", () => {
    const busyWeek = Array.from({ length: 100 }, () => page("2017-03-14"));
    expect(recentSealedPages(busyWeek)).toBe(64);
  });
});
