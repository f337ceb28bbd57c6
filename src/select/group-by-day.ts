import { type PostFields, postDate } from "../model/post.ts";
import { dateTimeFormat } from "../text/date-time-format.ts";

/** Posts of one calendar day in the planet's time zone, newest first. */
export interface DayGroup<P extends PostFields> {
  /** `YYYY-MM-DD` in the planet's time zone. */
  day: string;
  posts: P[];
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
export function groupByDay<P extends PostFields>(
  posts: readonly P[],
  timeZone: string,
): DayGroup<P>[] {
  const days: DayGroup<P>[] = [];
  for (const post of posts) {
    const day = dayKey(postDate(post), timeZone);
    const last = days.at(-1);
    if (last?.day === day) last.posts.push(post);
    else days.push({ day, posts: [post] });
  }
  return days;
}
