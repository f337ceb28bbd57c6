import { type Post, postDate } from "../model/post.ts";
import { dateTimeFormat } from "../text/date-time-format.ts";

/** Posts of one calendar day in the planet's time zone, newest first. */
export interface DayGroup {
  /** `YYYY-MM-DD` in the planet's time zone. */
  day: string;
  posts: Post[];
}

/** The calendar day of an instant in a time zone, as `YYYY-MM-DD`. */
export function dayKey(date: Date, timeZone: string): string {
  // en-CA formats dates as YYYY-MM-DD.
  return dateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(date);
}

/** Groups already sorted posts (newest first) by their day in `timeZone`. */
export function groupByDay(posts: readonly Post[], timeZone: string): DayGroup[] {
  const days: DayGroup[] = [];
  for (const post of posts) {
    const day = dayKey(postDate(post), timeZone);
    const last = days.at(-1);
    if (last?.day === day) last.posts.push(post);
    else days.push({ day, posts: [post] });
  }
  return days;
}
