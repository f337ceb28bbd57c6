import { postDate } from "../model/post.ts";
import type { Site } from "../model/site.ts";
import type { ArchivePage } from "../select/archive-pages.ts";
import { dayKey } from "../select/group-by-day.ts";
import { dateTimeFormat } from "../text/date-time-format.ts";

/** One month of the archive's index: how many posts it has, and the pages that hold them. */
export interface ArchiveMonth {
  /** `YYYY-MM` in the planet's time zone. */
  month: string;
  posts: number;
  pages: ArchivePage[];
}

/** Every month with posts, newest first; a page whose posts span months is listed under each. */
export function archiveMonths(site: Site): ArchiveMonth[] {
  const months = new Map<string, ArchiveMonth>();
  for (const page of site.archive) {
    for (const post of page.posts) {
      const month = dayKey(postDate(post), site.config.timezone).slice(0, 7);
      const entry = months.get(month) ?? { month, posts: 0, pages: [] };
      entry.posts++;
      if (entry.pages.at(-1) !== page) entry.pages.push(page);
      months.set(month, entry);
    }
  }
  return [...months.values()]
    .sort((a, b) => b.month.localeCompare(a.month))
    .map((entry) => ({ ...entry, pages: entry.pages.toReversed() }));
}

/** "March 2017" for a `YYYY-MM` month key, in the planet's language. */
export function formatMonth(month: string, language: string): string {
  return dateTimeFormat(language, { year: "numeric", month: "long", timeZone: "UTC" }).format(
    new Date(`${month}-01T00:00:00Z`),
  );
}

/** "October 3 – 17, 2016": the days an archive page covers, in the planet's language. */
export function formatPageDays(page: ArchivePage, language: string): string {
  return dateTimeFormat(language, { dateStyle: "long", timeZone: "UTC" }).formatRange(
    new Date(`${page.firstDay}T00:00:00Z`),
    new Date(`${page.lastDay}T00:00:00Z`),
  );
}
