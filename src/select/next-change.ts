import type { PlanetEvent } from "../model/event.ts";
import { type PostFields, postDate } from "../model/post.ts";
import { eventEnd } from "./select-events.ts";
import { leavesKeptMonthsAt } from "./select-posts.ts";

/**
 * The first instant after `now` at which the passage of time alone changes what readers see: a
 * post held back for its date comes due, a post leaves the last `keepMonths` months, or an
 * upcoming event ends and moves to the past. Null when no such instant is known.
 */
export function nextChangeAt(
  posts: readonly PostFields[],
  events: readonly PlanetEvent[],
  now: Date,
  keepMonths: number | null = null,
): Date | null {
  let next = Number.POSITIVE_INFINITY;
  for (const post of posts) {
    const due = postDate(post).getTime();
    if (due > now.getTime() && due < next) next = due;
    if (keepMonths !== null) {
      const leaves = leavesKeptMonthsAt(due, keepMonths);
      if (leaves > now.getTime() && leaves < next) next = leaves;
    }
  }
  for (const event of events) {
    // Upcoming while its end is at or after now, so past from one millisecond later.
    const over = eventEnd(event) + 1;
    if (over > now.getTime() && over < next) next = over;
  }
  return Number.isFinite(next) ? new Date(next) : null;
}
