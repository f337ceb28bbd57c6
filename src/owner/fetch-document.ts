import { DEFAULT_FETCH_LIMITS, type FetchOptions, fetchFeed } from "../fetch/fetch-feed.ts";
import { userAgentFor } from "../fetch/user-agent.ts";
import type { RedirectNote } from "../model/fetch-result.ts";
import { decodeBody } from "../parse/decode-body.ts";

/** A fetched document as text, or why it could not be had. */
export type FetchedDocument =
  | {
      ok: true;
      /** The decoded body. */
      text: string;
      /** Where the answer came from, after every redirect. */
      finalUrl: string;
      /** The URL to write down: the one asked for, moved along permanent redirects only. */
      settledUrl: string;
    }
  | { ok: false; message: string };

/** Fetch options for the owner's tools: the planet's own User-Agent and limits. */
export function ownerFetchOptions(config: {
  title: string;
  link: string;
  fetch: { timeoutSeconds: number; maxMegabytes: number };
}): FetchOptions {
  return {
    validators: null,
    userAgent: userAgentFor(config.title, config.link),
    timeoutMs: config.fetch.timeoutSeconds * 1000,
    maxBytes: config.fetch.maxMegabytes * 1024 * 1024,
    maxRedirects: DEFAULT_FETCH_LIMITS.maxRedirects,
  };
}

/** Fetches one URL and decodes it as the build would; failures are values. */
export async function fetchDocument(url: string, options: FetchOptions): Promise<FetchedDocument> {
  const result = await fetchFeed(url, options);
  if (result.outcome === "failed") {
    return { ok: false, message: `could not fetch ${url}: ${result.error.message}` };
  }
  if (result.outcome === "not-modified") {
    return { ok: false, message: `could not fetch ${url}: the server answered 304 unasked` };
  }
  return {
    ok: true,
    text: decodeBody(result.body, result.contentType),
    finalUrl: result.finalUrl,
    settledUrl: followPermanent(url, result.redirects),
  };
}

/** A temporary redirect may end tomorrow, so only permanent ones change the URL kept. */
function followPermanent(url: string, redirects: readonly RedirectNote[]): string {
  let current = url;
  for (const note of redirects) {
    if (!note.permanent || note.from !== current) break;
    current = note.to;
  }
  return current;
}
