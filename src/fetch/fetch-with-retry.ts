import { setTimeout as sleep } from "node:timers/promises";
import type { FetchResult } from "../model/fetch-result.ts";
import { type FetchOptions, fetchFeed } from "./fetch-feed.ts";

/** When and how long to wait before trying a failed fetch again. */
export interface RetryPolicy {
  /** Extra attempts after the first. */
  retries: number;
  /** First backoff delay; doubles per attempt (with jitter). */
  baseDelayMs: number;
  /** The run's deadline (epoch ms): no retry whose wait would end after it. Null: no deadline. */
  deadline: number | null;
  /** Longest wait accepted (Retry-After included), deadline or not. */
  maxDelayMs: number;
}

/** Default retry policy: two retries, 1 s then 2 s, waits of at most 30 s. */
export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  retries: 2,
  baseDelayMs: 1_000,
  deadline: null,
  maxDelayMs: 30_000,
};

/** HTTP statuses worth another try: overload and gateway trouble, not the client's fault. */
const RETRYABLE_STATUSES = new Set([429, 500, 502, 503, 504]);

/**
 * Fetches with `fetchFeed`, trying again after 429/500/502/503/504 with exponential backoff, or
 * after the server's Retry-After when it gave one, but only when the wait fits before the deadline
 * and within `maxDelayMs`. Other failures (4xx, DNS, timeouts…) are returned at once.
 */
export async function fetchWithRetry(
  url: string,
  options: FetchOptions,
  policy: RetryPolicy = DEFAULT_RETRY_POLICY,
): Promise<FetchResult> {
  let result = await fetchFeed(url, options);
  for (let attempt = 0; attempt < policy.retries && isRetryable(result); attempt++) {
    const delay = retryDelayMs(result, attempt, policy.baseDelayMs);
    if (delay > policy.maxDelayMs) break;
    if (policy.deadline !== null && Date.now() + delay >= policy.deadline) break;
    const slept = await sleep(delay, true, { signal: options.signal }).catch(() => false);
    if (!slept) break;
    result = await fetchFeed(url, options);
  }
  return result;
}

function isRetryable(result: FetchResult): boolean {
  return (
    result.outcome === "failed" &&
    result.error.kind === "http" &&
    result.status !== null &&
    RETRYABLE_STATUSES.has(result.status)
  );
}

function retryDelayMs(result: FetchResult, attempt: number, baseDelayMs: number): number {
  if (result.outcome === "failed" && result.retryAfter !== null) return result.retryAfter * 1000;
  const backoff = baseDelayMs * 2 ** attempt;
  // Jitter spreads retries from many planets hitting the same recovering host.
  return Math.round(backoff * (0.5 + Math.random() * 0.5));
}
