import type { PlanetConfig } from "../config/schema.ts";
import { DEFAULT_FETCH_LIMITS, type FetchOptions } from "../fetch/fetch-feed.ts";
import { fetchWithRetry } from "../fetch/fetch-with-retry.ts";
import { readLocalFile } from "../fetch/read-local-file.ts";
import { hostOfUrl, runBounded } from "../fetch/run-bounded.ts";
import { userAgentFor } from "../fetch/user-agent.ts";
import { errorMessage } from "../model/caught-error.ts";
import type { FetchResult } from "../model/fetch-result.ts";
import type { FeedCache } from "../store/feed-cache.ts";
import {
  appendHistory,
  type FeedContent,
  type FeedRecord,
  type FeedState,
  NO_CONTENT,
  newFeedRecord,
  recordOf,
  type SourceState,
  stateOfRecord,
} from "../store/feed-record.ts";
import type { Source } from "./planet-sources.ts";
import { bringsNewBody, refreshRecord, refreshState } from "./refresh-record.ts";

/** What this build's attempt came to: fetched anew, unchanged (304), failed, or not tried (offline). */
export type FeedOutcome = "ok" | "not-modified" | "failed" | "cached";

/** One configured source (member feed or event source) after this build's attempt. */
export interface UpdatedSource {
  source: Source;
  /** Its state after this attempt, with a summary of its content. */
  state: SourceState;
  /** Its posts and events when this build read them; null while they are still on disk. */
  content: FeedContent | null;
  /** What this build's attempt came to. */
  outcome: FeedOutcome;
  /** A problem with the cache itself (e.g. a corrupt file that was set aside), or null. */
  cacheProblem: string | null;
}

/** How this build fetches. */
export interface UpdateOptions {
  now: Date;
  offline: boolean;
  /** Progress: called once per source as it finishes. */
  onSourceDone?: (updated: UpdatedSource) => void;
  /** Called when a source's answer is a body not read before, before it is read. */
  onNewBody?: (source: Source) => void;
}

/**
 * Fetches every source (unless offline) under the configured limits and deadline, merges what
 * came in with the cache, and saves each record as soon as it is done, so a build killed
 * half-way keeps what it had finished.
 */
export async function updateSources(
  sources: Source[],
  config: PlanetConfig,
  cache: FeedCache,
  options: UpdateOptions,
): Promise<UpdatedSource[]> {
  const settings = config.fetch;
  const deadline = Date.now() + settings.deadlineSeconds * 1000;
  const fetchOptions: Omit<FetchOptions, "validators"> = {
    userAgent: userAgentFor(config.title, config.link),
    timeoutMs: settings.timeoutSeconds * 1000,
    maxBytes: settings.maxMegabytes * 1024 * 1024,
    maxRedirects: DEFAULT_FETCH_LIMITS.maxRedirects,
    signal: AbortSignal.timeout(settings.deadlineSeconds * 1000),
  };
  const fetchSource = (source: Source, previous: FeedState | null): Promise<FetchResult> =>
    source.location.kind === "file"
      ? readLocalFile(source.location.path, source.url)
      : fetchWithRetry(
          source.location.url,
          { ...fetchOptions, validators: previous?.validators ?? null },
          { retries: 2, baseDelayMs: 1000, deadline, maxDelayMs: 30_000 },
        );
  // A source whose attempt brought nothing new to read keeps its content on disk: most sources
  // of most builds (304, same bytes, failures) cost a small state file, read, and written
  // unless all that changed is when it last answered.
  const updateOne = async (source: Source): Promise<UpdatedSource> => {
    const stored = await cache.readState(source.url);
    const previous = stored.state ?? newSourceState(source.url);
    const { content, problem: cacheProblem } = stored;
    if (options.offline) {
      return finish({ source, state: previous, content, outcome: "cached", cacheProblem });
    }
    const result = withRetryAfterNote(await fetchSource(source, stored.state));
    if (!bringsNewBody(result, previous.bodyHash)) {
      const state = refreshState(previous, result, options.now);
      const saved = await savedOrProblem(cache.writeState(state), cacheProblem);
      const outcome = outcomeOf(result, state);
      return finish({ source, state, content, outcome, cacheProblem: saved.problem });
    }
    // A new body: read it against the cached posts, whose first-seen times it keeps.
    options.onNewBody?.(source);
    const kept = content !== null ? { content, problem: null } : await cache.readContent(previous);
    const cached = recordOf(previous, kept.content ?? NO_CONTENT);
    const record = await refreshSafely(cached, result, source, options.now);
    const saved = await savedOrProblem(cache.write(record), kept.problem ?? cacheProblem);
    return finish({
      source,
      state: stateOfRecord(record, saved.value ?? null),
      content: { posts: record.posts, events: record.events },
      outcome: outcomeOf(result, record),
      cacheProblem: saved.problem,
    });
  };
  const finish = (updated: UpdatedSource): UpdatedSource => {
    options.onSourceDone?.(updated);
    return updated;
  };
  return runBounded(sources, (source) => hostOfUrl(source.url), updateOne, settings);
}

/** A source never fetched: no state file yet, no content. */
function newSourceState(url: string): SourceState {
  return stateOfRecord(newFeedRecord(url), null);
}

/**
 * What a cache write came to: its value, or the problem it had. A cache that can't be written
 * costs this source its memory of this run, not the build.
 */
async function savedOrProblem<T>(
  writing: Promise<T>,
  earlierProblem: string | null,
): Promise<{ value: T | null; problem: string | null }> {
  return writing.then(
    (value) => ({ value, problem: earlierProblem }),
    (error: unknown) => ({
      value: null,
      problem: `cannot save to the cache: ${errorMessage(error)}`,
    }),
  );
}

/** refreshRecord, but a bug or an input it chokes on fails this feed, not the whole build. */
async function refreshSafely(
  previous: FeedRecord,
  result: FetchResult,
  source: Source,
  now: Date,
): Promise<FeedRecord> {
  try {
    return await refreshRecord(previous, result, { now, read: source.read });
  } catch (thrown) {
    const at = now.toISOString();
    const reason = errorMessage(thrown);
    const error = { kind: "parse" as const, message: `could not process the feed: ${reason}` };
    return {
      ...previous,
      lastAttempt: at,
      status: result.status,
      error,
      consecutiveFailures: previous.consecutiveFailures + 1,
      history: appendHistory(previous.history, {
        at,
        outcome: "failed",
        status: result.status,
        error,
      }),
    };
  }
}

/** A server that asked for more patience than the run had gets that said in the report. */
function withRetryAfterNote(result: FetchResult): FetchResult {
  if (result.outcome !== "failed" || result.retryAfter === null) return result;
  const message = `${result.error.message} (asked to retry after ${result.retryAfter} s)`;
  return { ...result, error: { ...result.error, message } };
}

function outcomeOf(result: FetchResult, record: FeedState): FeedOutcome {
  if (record.error !== null) return "failed";
  return result.outcome === "not-modified" ? "not-modified" : "ok";
}
