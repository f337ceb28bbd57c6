import * as z from "zod";
import { storedEventSchema } from "../events/stored-event.ts";
import type { RedirectNote, Validators } from "../model/fetch-result.ts";
import type { Post, SanitizedFrom } from "../model/post.ts";
import type { SourceErrorKind } from "../model/source-health.ts";
import { sha256Hex } from "../text/sha256.ts";

/**
 * How many posts of one feed the cache keeps; entries that leave the feed stay until then. The
 * parser reads no more than this many of a feed's entries (its newest).
 */
export const POSTS_KEPT_PER_FEED = 200;

/** How many past attempts a record keeps. */
export const HISTORY_LIMIT = 20;

/** Any string Date can read back; checked loosely so a far-future year never makes a file "corrupt". */
const instant = z.string().refine((s) => !Number.isNaN(Date.parse(s)), "not a date");

/** Every SourceErrorKind (fetch failures and "parse"), checked both ways against the model type. */
const SOURCE_ERROR_KINDS = {
  timeout: "timeout",
  network: "network",
  dns: "dns",
  tls: "tls",
  http: "http",
  "too-many-redirects": "too-many-redirects",
  "too-large": "too-large",
  empty: "empty",
  offline: "offline",
  deadline: "deadline",
  file: "file",
  parse: "parse",
} as const satisfies { [K in SourceErrorKind]: K };

const sourceFailure = z.object({
  kind: z.enum(SOURCE_ERROR_KINDS),
  message: z.string(),
}) satisfies z.ZodType<{ kind: SourceErrorKind; message: string }>;

const validators = z.object({
  etag: z.string().nullable(),
  lastModified: z.string().nullable(),
}) satisfies z.ZodType<Validators>;

const redirectNote = z.object({
  from: z.string(),
  to: z.string(),
  permanent: z.boolean(),
}) satisfies z.ZodType<RedirectNote>;

/** A sha256 digest as lowercase hex. */
export const sha256HexSchema = z.string().regex(/^[0-9a-f]{64}$/);

const sanitizedFrom = z.object({
  input: sha256HexSchema,
  shortened: z.boolean(),
}) satisfies z.ZodType<SanitizedFrom>;

/** One post as stored: a Post with its dates as ISO 8601 strings. */
export const storedPostSchema = z.object({
  key: z.string(),
  sourceId: z.string(),
  feedUrl: z.string(),
  member: z.string(),
  memberLink: z.string().nullable(),
  title: z.string(),
  link: z.string().nullable(),
  published: instant.nullable(),
  updated: instant.nullable(),
  firstSeen: instant,
  author: z.string().nullable(),
  contentHtml: z.string(),
  categories: z.array(z.string()),
  /**
   * What made contentHtml; absent for posts stored before it was kept and for event posts,
   * whose content is made anew whenever their source changes.
   */
  sanitized: sanitizedFrom.optional(),
});

/** One past fetch attempt. */
export const historyEntrySchema = z.object({
  at: instant,
  outcome: z.enum(["ok", "not-modified", "failed"]),
  status: z.number().int().nullable(),
  error: sourceFailure.nullable(),
});

/** What a record knows about fetching its source: everything but the posts and events. */
export const feedStateSchema = z.object({
  url: z.string(),
  validators,
  finalUrl: z.string(),
  bodyHash: sha256HexSchema.nullable(),
  lastAttempt: instant.nullable(),
  lastSuccess: instant.nullable(),
  status: z.number().int().nullable(),
  error: sourceFailure.nullable(),
  consecutiveFailures: z.number().int().nonnegative(),
  redirects: z.array(redirectNote),
  history: z.array(historyEntrySchema),
  feedTitle: z.string().nullable(),
  feedLink: z.string().nullable(),
  /** Feeds advertised by the HTML page found at the URL instead of a feed, to suggest. */
  advertisedFeeds: z.array(z.string()),
  /** Occurrences the last good copy left out to keep within EVENTS_KEPT_PER_SOURCE. */
  eventsLeftOut: z.number().int().nonnegative().default(0),
  /** Recurring events of the last good copy too dense to expand over the whole window. */
  seriesCut: z.number().int().nonnegative().default(0),
  /** What the last good copy left out to fit the bounds (absent in caches of earlier versions). */
  truncated: z
    .object({ posts: z.number().int().nonnegative(), items: z.number().int().nonnegative() })
    .optional(),
});

/** The last good copy of what a source holds. */
export const feedContentSchema = z.object({
  posts: z.array(storedPostSchema),
  /** An event source's events (empty for member feeds). */
  events: z.array(storedEventSchema),
});

/**
 * What a source's content holds, in brief: all that its health report needs, so that a build in
 * which the content did not change never has to read it.
 */
export const contentSummarySchema = z.object({
  items: z.number().int().nonnegative(),
  /** The newest date among the posts (published, else updated, else first seen). */
  newestItem: instant.nullable(),
});

/** A post as stored in a cache file. */
export type StoredPost = z.infer<typeof storedPostSchema>;
/** One past fetch attempt. */
export type HistoryEntry = z.infer<typeof historyEntrySchema>;
/** What a record knows about fetching its source. */
export type FeedState = z.infer<typeof feedStateSchema>;
/** A source's posts and events. */
export type FeedContent = z.infer<typeof feedContentSchema>;

/** No posts and no events: a source never fetched, or one whose content was lost. */
export const NO_CONTENT: FeedContent = Object.freeze({ posts: [], events: [] });

/** What a source's content holds, in brief. */
export type ContentSummary = z.infer<typeof contentSummarySchema>;

/**
 * A source as a build sees it before (and unless) it needs the posts: its state, a summary of
 * its content, and the hash of the content file that holds them (null while there is none).
 */
export interface SourceState extends FeedState {
  summary: ContentSummary;
  contentSha256: string | null;
}

/** The summary of a source's content. */
export function summarizeContent(content: FeedContent): ContentSummary {
  let newest: string | null = null;
  for (const post of content.posts) {
    const date = post.published ?? post.updated ?? post.firstSeen;
    if (newest === null || Date.parse(date) > Date.parse(newest)) newest = date;
  }
  return { items: content.posts.length, newestItem: newest };
}

/** The state of a record, summarized, without its posts and events. */
export function stateOfRecord(record: FeedRecord, contentSha256: string | null): SourceState {
  const { posts, events, version: _version, ...state } = record;
  return { ...state, summary: summarizeContent({ posts, events }), contentSha256 };
}

/** The record of a source from its state and its content. */
export function recordOf(state: SourceState, content: FeedContent): FeedRecord {
  const { summary: _summary, contentSha256: _contentSha256, ...rest } = state;
  return { version: CACHE_VERSION, ...rest, posts: content.posts, events: content.events };
}

/** The version of the cache's layout; 1 kept a whole record in one file, 2 splits it in two. */
export const CACHE_VERSION = 2;

/** One configured source's cached record: its last good copy, validators and recent history. */
export interface FeedRecord extends FeedState, FeedContent {
  /** The cache layout the record belongs to. */
  version: typeof CACHE_VERSION;
}

/** A record for a feed never fetched before. */
export function newFeedRecord(url: string): FeedRecord {
  return {
    version: CACHE_VERSION,
    url,
    validators: { etag: null, lastModified: null },
    finalUrl: url,
    bodyHash: null,
    lastAttempt: null,
    lastSuccess: null,
    status: null,
    error: null,
    consecutiveFailures: 0,
    redirects: [],
    history: [],
    feedTitle: null,
    feedLink: null,
    posts: [],
    advertisedFeeds: [],
    eventsLeftOut: 0,
    seriesCut: 0,
    events: [],
  };
}

/** Adds an attempt to the history, keeping only the newest HISTORY_LIMIT. */
export function appendHistory(history: HistoryEntry[], entry: HistoryEntry): HistoryEntry[] {
  return [...history, entry].slice(-HISTORY_LIMIT);
}

/** The bodyHash of a fetched body: sha256, hex. */
export function hashBody(body: Uint8Array): string {
  return sha256Hex(body);
}

/**
 * Converts a post for storage (dates to ISO strings; an invalid date is no date), with what made
 * its content when the reader knows it.
 */
export function toStoredPost(post: Post, sanitized?: SanitizedFrom): StoredPost {
  const stored: StoredPost = {
    key: post.key,
    sourceId: post.sourceId,
    feedUrl: post.feedUrl,
    member: post.member,
    memberLink: post.memberLink,
    title: post.title,
    link: post.link,
    published: isoOrNull(post.published),
    updated: isoOrNull(post.updated),
    firstSeen: post.firstSeen.toISOString(),
    author: post.author,
    contentHtml: post.contentHtml,
    categories: [...post.categories],
  };
  if (sanitized !== undefined) stored.sanitized = { ...sanitized };
  return stored;
}

/** Converts a stored post back (ISO strings to Dates at the same instant). */
export function fromStoredPost(stored: StoredPost): Post {
  return {
    key: stored.key,
    sourceId: stored.sourceId,
    feedUrl: stored.feedUrl,
    member: stored.member,
    memberLink: stored.memberLink,
    title: stored.title,
    link: stored.link,
    ...storedDates(stored),
    author: stored.author,
    contentHtml: stored.contentHtml,
    categories: [...stored.categories],
  };
}

/** A stored post's dates as Dates at the same instants. */
export function storedDates(
  stored: Pick<StoredPost, "published" | "updated" | "firstSeen">,
): Pick<Post, "published" | "updated" | "firstSeen"> {
  return {
    published: stored.published === null ? null : new Date(stored.published),
    updated: stored.updated === null ? null : new Date(stored.updated),
    firstSeen: new Date(stored.firstSeen),
  };
}

function isoOrNull(date: Date | null): string | null {
  return date === null || Number.isNaN(date.getTime()) ? null : date.toISOString();
}
