import { describe, expect, it } from "vitest";
import { planSearchSegments } from "../../src/publish/search-segments.ts";

/** The page ranges `[first, last]` of each segment. */
function ranges(pageCount: number, postsPerPage: number): [number, number][] {
  let first = 0;
  return planSearchSegments(pageCount, postsPerPage).map((size) => {
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
});
