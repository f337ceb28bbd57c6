import { setTimeout as sleep } from "node:timers/promises";
import type { FetchResult, Validators } from "../model/fetch-result.ts";
import { type FetchOptions, fetchFeed } from "./fetch-feed.ts";

/** How many jobs may run at once, overall and against one host. */
export interface ConcurrencyLimits {
  /** Jobs in flight overall. */
  concurrency: number;
  /** Jobs in flight against one host, so one slow host cannot take every slot. */
  perHost: number;
}

/** Default limits: 16 at once, 4 per host. */
export const DEFAULT_CONCURRENCY: ConcurrencyLimits = { concurrency: 16, perHost: 4 };

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
 * Runs `work` over `items` with at most `limits.concurrency` in flight, and at most
 * `limits.perHost` for items sharing a host; results come back in input order. `work` should
 * return failures as values: a thrown error rejects the whole run and stops new items starting.
 */
export function runBounded<T, R>(
  items: T[],
  hostOf: (item: T) => string,
  work: (item: T) => Promise<R>,
  limits: ConcurrencyLimits,
): Promise<R[]> {
  const maxActive = Math.max(1, Math.floor(limits.concurrency));
  const maxPerHost = Math.max(1, Math.floor(limits.perHost));
  const results = new Array<R>(items.length);
  const waiting = items.map((item, index) => ({ item, index, host: hostOf(item) }));
  const activePerHost = new Map<string, number>();
  let active = 0;
  let finished = 0;
  let stopped = false;
  return new Promise<R[]>((resolve, reject) => {
    const startEligible = (): void => {
      for (let i = 0; i < waiting.length && active < maxActive && !stopped; ) {
        const job = waiting[i];
        if (job === undefined || (activePerHost.get(job.host) ?? 0) >= maxPerHost) {
          i++;
          continue;
        }
        waiting.splice(i, 1);
        active++;
        activePerHost.set(job.host, (activePerHost.get(job.host) ?? 0) + 1);
        Promise.resolve()
          .then(() => work(job.item))
          .then(
            (result) => {
              results[job.index] = result;
              active--;
              activePerHost.set(job.host, (activePerHost.get(job.host) ?? 1) - 1);
              finished++;
              if (finished === items.length) resolve(results);
              else startEligible();
            },
            (error: unknown) => {
              stopped = true;
              reject(error);
            },
          );
      }
    };
    if (items.length === 0) resolve(results);
    else startEligible();
  });
}

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

/** One feed to fetch: its URL and the validators of its last good copy. */
export interface FetchJob {
  /** The configured feed URL. */
  url: string;
  /** Validators from the cache, or null for a first fetch. */
  validators: Validators | null;
}

/** Fetches every job under the concurrency limits, with retries; results in input order. */
export function fetchAll(
  jobs: FetchJob[],
  options: Omit<FetchOptions, "validators">,
  limits: ConcurrencyLimits = DEFAULT_CONCURRENCY,
  policy: RetryPolicy = DEFAULT_RETRY_POLICY,
): Promise<FetchResult[]> {
  return runBounded(
    jobs,
    (job) => hostOfUrl(job.url),
    (job) => fetchWithRetry(job.url, { ...options, validators: job.validators }, policy),
    limits,
  );
}

/** The host part of a URL, lower-cased; the URL itself when it does not parse. */
export function hostOfUrl(url: string): string {
  return URL.canParse(url) ? new URL(url).host : url;
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
