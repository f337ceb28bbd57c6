import { isDeepStrictEqual } from "node:util";
import * as z from "zod";
import { appendHistory, type FeedState, historyEntrySchema } from "./feed-record.ts";

/**
 * A successful attempt (a 304, or the same bytes again) that changed nothing in a source's state
 * but the bookkeeping of attempts: when, how, and the HTTP status.
 */
export const bookkeepingAttemptSchema = historyEntrySchema
  .pick({ at: true, status: true })
  .extend({ outcome: z.enum(["ok", "not-modified"]) });

/** A successful attempt that changed nothing but the bookkeeping. */
export type BookkeepingAttempt = z.infer<typeof bookkeepingAttemptSchema>;

/**
 * `state` after `attempts`, oldest first: each one a success that changed nothing else. The
 * state had no error to clear (an attempt that clears one is written, never journaled).
 */
export function withAttempts<S extends FeedState>(
  state: S,
  attempts: readonly BookkeepingAttempt[],
): S {
  let next = state;
  for (const { at, outcome, status } of attempts) {
    next = {
      ...next,
      lastAttempt: at,
      lastSuccess: at,
      status,
      history: appendHistory(next.history, { at, outcome, status, error: null }),
    };
  }
  return next;
}

/**
 * The attempt that took `previous` to `next` when it is one that changed nothing but the
 * bookkeeping, else null. Proved by replaying it: whatever else an attempt changed (validators,
 * final URL, an error cleared, the content) makes the replay differ, so the state is written.
 */
export function bookkeepingAttemptBetween<S extends FeedState>(
  previous: S,
  next: S,
): BookkeepingAttempt | null {
  const last = next.history.at(-1);
  if (last === undefined || last.outcome === "failed" || last.error !== null) return null;
  const attempt = { at: last.at, outcome: last.outcome, status: last.status };
  return isDeepStrictEqual(withAttempts(previous, [attempt]), next) ? attempt : null;
}
