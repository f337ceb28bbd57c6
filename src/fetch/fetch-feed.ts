import type { FetchFailure, FetchResult, RedirectNote, Validators } from "../model/fetch-result.ts";
import { classifyFetchError } from "./classify-error.ts";
import { type HttpResponse, httpGet } from "./http-get.ts";
import { readBodyBounded } from "./read-body.ts";
import { parseRetryAfter } from "./retry-after.ts";

/** How one feed is fetched. */
export interface FetchOptions {
  /** Validators from the last good fetch, sent as If-None-Match / If-Modified-Since. */
  validators: Validators | null;
  /** The User-Agent header (see userAgentFor). */
  userAgent: string;
  /** Budget for the whole fetch: connect, headers and the whole body, across redirects. */
  timeoutMs: number;
  /** Largest body accepted, counted after decompression. */
  maxBytes: number;
  /** Redirects followed before giving up. */
  maxRedirects: number;
  /** The run's deadline: once aborted, the fetch stops and fails as "deadline". */
  signal?: AbortSignal;
}

/** Defaults for the limits in FetchOptions. */
export const DEFAULT_FETCH_LIMITS = {
  timeoutMs: 20_000,
  maxBytes: 15 * 1024 * 1024,
  maxRedirects: 5,
} as const;

/** What a feed reader accepts, feed formats first. */
export const FEED_ACCEPT =
  "application/atom+xml, application/rss+xml, application/feed+json, application/json;q=0.9, " +
  "application/xml;q=0.9, text/xml;q=0.9, */*;q=0.8";

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

/** Fetches one feed URL with a conditional GET; every problem comes back as a value, never thrown. */
export async function fetchFeed(url: string, options: FetchOptions): Promise<FetchResult> {
  const redirects: RedirectNote[] = [];
  const timeout = new AbortController();
  // Made when the time is up: a DOMException takes a stack trace, ~0.05 ms for every feed.
  let timeoutReason: DOMException | null = null;
  const timer = setTimeout(() => {
    timeoutReason = new DOMException(`timed out after ${options.timeoutMs} ms`, "TimeoutError");
    timeout.abort(timeoutReason);
  }, options.timeoutMs);
  const signal = options.signal
    ? AbortSignal.any([timeout.signal, options.signal])
    : timeout.signal;
  const headers = requestHeaders(options);
  const visited = new Set([url]);
  let current = url;
  let readingBody = false;
  const fail = (
    error: FetchFailure,
    status: number | null = null,
    retryAfter: number | null = null,
  ): FetchResult => ({
    outcome: "failed",
    url,
    finalUrl: current,
    status,
    error,
    redirects,
    retryAfter,
  });
  try {
    for (;;) {
      const scheme = URL.canParse(current) ? new URL(current).protocol : null;
      if (scheme !== "http:" && scheme !== "https:") {
        return fail({ kind: "network", message: `not an http(s) URL: ${current}` });
      }
      signal.throwIfAborted();
      const response = await httpGet(new URL(current), headers, signal);
      const location = response.header("location");
      if (REDIRECT_STATUSES.has(response.status) && location !== null) {
        await response.discard();
        const next = URL.canParse(location, current) ? new URL(location, current).href : null;
        if (next === null) {
          return fail({ kind: "http", message: `redirect to an invalid URL: ${location}` });
        }
        const permanent = response.status === 301 || response.status === 308;
        redirects.push({ from: current, to: next, permanent });
        if (visited.has(next)) {
          return fail({ kind: "too-many-redirects", message: `redirect loop back to ${next}` });
        }
        if (redirects.length > options.maxRedirects) {
          const message = `more than ${options.maxRedirects} redirects`;
          return fail({ kind: "too-many-redirects", message });
        }
        visited.add(next);
        current = next;
        continue;
      }
      const common = { url, finalUrl: current, redirects };
      if (response.status === 304) {
        await response.discard();
        const validators = mergeValidators(validatorsOf(response), options.validators);
        return { ...common, outcome: "not-modified", status: 304, validators };
      }
      if (response.status < 200 || response.status > 299) {
        await response.discard();
        const message = `HTTP ${response.status} ${response.statusText}`.trim();
        const retryAfter =
          response.status === 429 || response.status === 503
            ? parseRetryAfter(response.header("retry-after"))
            : null;
        return fail({ kind: "http", message }, response.status, retryAfter);
      }
      readingBody = true;
      const read = await readBodyBounded(response.body, options.maxBytes);
      if (!read.complete) {
        const message = `response larger than ${formatBytes(options.maxBytes)}`;
        return fail({ kind: "too-large", message }, response.status);
      }
      if (read.bytes.byteLength === 0) {
        return fail({ kind: "empty", message: "the response body is empty" }, response.status);
      }
      return {
        ...common,
        outcome: "ok",
        status: response.status,
        body: read.bytes,
        contentType: response.header("content-type"),
        validators: validatorsOf(response),
      };
    }
  } catch (error) {
    const runSignal = options.signal;
    const context = { url: current, timeoutReason, runSignal, timeoutMs: options.timeoutMs };
    // An abort surfaces as the request's AbortError; the signal's reason says which one it was.
    const thrown = signal.aborted ? signal.reason : error;
    return fail(classifyFetchError(thrown, { ...context, readingBody }));
  } finally {
    clearTimeout(timer);
  }
}

function requestHeaders(options: FetchOptions): Record<string, string> {
  const headers: Record<string, string> = {
    "User-Agent": options.userAgent,
    Accept: FEED_ACCEPT,
    // Not deflate: servers disagree on whether it is zlib-wrapped, and every one that has it has gzip.
    "Accept-Encoding": "gzip, br",
  };
  if (options.validators?.etag) headers["If-None-Match"] = options.validators.etag;
  if (options.validators?.lastModified) {
    headers["If-Modified-Since"] = options.validators.lastModified;
  }
  return headers;
}

function validatorsOf(response: HttpResponse): Validators {
  return { etag: response.header("etag"), lastModified: response.header("last-modified") };
}

/** A 304 may omit the validators; then the ones we sent are still the right ones to send next. */
function mergeValidators(fresh: Validators, previous: Validators | null): Validators {
  return {
    etag: fresh.etag ?? previous?.etag ?? null,
    lastModified: fresh.lastModified ?? previous?.lastModified ?? null,
  };
}

function formatBytes(bytes: number): string {
  const mib = bytes / (1024 * 1024);
  return mib >= 1 ? `${Number(mib.toFixed(1))} MiB` : `${bytes} bytes`;
}
