import type { FeedConfig } from "../config/schema.ts";
import type { ParsedEntry, ParsedFeed } from "../model/parsed-feed.ts";
import type { Post, SanitizedFrom } from "../model/post.ts";
import type { SanitizeOptions } from "../sanitize/sanitize-content.ts";
import {
  type EarlierContent,
  sanitizeOnce,
  type TracedContent,
} from "../sanitize/sanitize-once.ts";
import { htmlToText } from "../text/html-to-text.ts";
import { limitOrNull, limitText, TEXT_LIMITS } from "../text/limit-text.ts";
import { sha256Hex } from "../text/sha256.ts";
import { resolveBase, resolveHttpUrl } from "./resolve-url.ts";

/** What normalizing one feed needs besides the parsed document. */
export interface NormalizeContext {
  feed: Pick<FeedConfig, "name" | "url" | "link">;
  /** The URL the document was finally fetched from (after redirects): the last base of all. */
  fetchedUrl: string;
  /** First-seen times of entries from earlier runs, by source id. */
  firstSeen: Readonly<Record<string, string>>;
  now: Date;
  sanitize?: SanitizeOptions;
  /** Content sanitized by earlier runs: an entry whose content comes back unchanged keeps it. */
  earlier?: EarlierContent;
}

/** The feed's posts plus what the cache must remember for next time. */
export interface NormalizedFeed {
  posts: Post[];
  /** The member's site: configured link, else the feed's own. */
  memberLink: string | null;
  /** First-seen times of the entries now in the feed (older ones are forgotten). */
  firstSeen: Record<string, string>;
  /** The feed's own title, plain text within TEXT_LIMITS.title, or null. */
  title: string | null;
  /** How many of the posts were shortened to fit the bounds on content and text fields. */
  shortenedPosts: number;
  /** What made each post's content, by post key, for the next run's `earlier`. */
  sanitized: Map<string, SanitizedFrom>;
}

const UNTITLED_LENGTH = 80;

const NO_EARLIER_CONTENT: EarlierContent = new Map();

/** Category labels kept per post: each is a link on the page and an element in every feed. */
export const LABELS_PER_POST = 50;

/** Turns a parsed feed into posts: absolute http(s) links, sanitized content, honest dates. */
export function normalizeFeed(parsed: ParsedFeed, context: NormalizeContext): NormalizedFeed {
  const siteLink = resolveHttpUrl(parsed.link, parsed.base, context.fetchedUrl);
  const memberLink = context.feed.link ?? siteLink;
  // A Map, so ids such as "constructor" or "__proto__" are ids like any other.
  const firstSeen = new Map<string, string>();
  const posts: Post[] = [];
  const sanitized = new Map<string, SanitizedFrom>();
  let shortenedPosts = 0;
  for (const entry of parsed.entries) {
    const { post, shortened, content } = normalizeEntry(entry, {
      ...context,
      feedXmlBase: parsed.base,
      siteLink,
      memberLink,
    });
    if (firstSeen.has(post.sourceId)) continue;
    firstSeen.set(post.sourceId, post.firstSeen.toISOString());
    posts.push(post);
    sanitized.set(post.key, { input: content.input, shortened: content.shortened });
    if (shortened) shortenedPosts++;
  }
  const title = parsed.title === null ? null : limitText(parsed.title, TEXT_LIMITS.title);
  return {
    posts,
    memberLink,
    title,
    firstSeen: Object.fromEntries(firstSeen),
    shortenedPosts,
    sanitized,
  };
}

interface EntryContext extends NormalizeContext {
  feedXmlBase: string | null;
  siteLink: string | null;
  memberLink: string | null;
}

function normalizeEntry(
  entry: ParsedEntry,
  context: EntryContext,
): { post: Post; shortened: boolean; content: TracedContent } {
  const xmlBases = [entry.contentBase, entry.base, context.feedXmlBase];
  const link = resolveHttpUrl(entry.link, entry.base, context.feedXmlBase, context.fetchedUrl);
  // Content resolves against its xml:base when one is in scope, else the entry's own page.
  const contentBase = xmlBases.some(Boolean)
    ? resolveBase([...xmlBases, context.fetchedUrl])
    : (link ?? context.siteLink ?? context.fetchedUrl);
  const content = sanitizeOnce(
    entry.contentHtml ?? "",
    contentBase,
    { ...context.sanitize, originalUrl: link },
    context.earlier ?? NO_EARLIER_CONTENT,
  );
  const contentHtml = content.html;
  const sourceId = entry.id?.trim() || link || fingerprint(entry);
  // Text fields within TEXT_LIMITS: a 1 MB title would be on every page that lists the post.
  const rawTitle = entry.title?.trim() || untitled(contentHtml);
  const title = limitText(rawTitle, TEXT_LIMITS.title);
  const rawAuthor = entry.author?.trim() || null;
  const author = limitOrNull(rawAuthor, TEXT_LIMITS.name);
  const categories = entry.categories
    .slice(0, LABELS_PER_POST)
    .map((label) => limitText(label, TEXT_LIMITS.label));
  const cutText =
    title !== rawTitle ||
    author !== rawAuthor ||
    categories.length < entry.categories.length ||
    categories.some((label, index) => label !== entry.categories[index]);
  const seen = Object.hasOwn(context.firstSeen, sourceId) ? context.firstSeen[sourceId] : undefined;
  const post: Post = {
    key: sha256Hex(`${context.feed.url}\n${sourceId}`, 24),
    sourceId,
    feedUrl: context.feed.url,
    member: context.feed.name,
    memberLink: context.memberLink,
    title,
    link,
    published: entry.published,
    updated: entry.updated,
    firstSeen: seen && !Number.isNaN(Date.parse(seen)) ? new Date(seen) : context.now,
    author,
    contentHtml,
    categories,
  };
  return { post, shortened: content.shortened || cutText, content };
}

/** A title for an entry that has none: the start of its text, as feed readers do. */
function untitled(contentHtml: string): string {
  const text = htmlToText(contentHtml);
  if (text.length <= UNTITLED_LENGTH) return text || "(untitled)";
  return `${text.slice(0, UNTITLED_LENGTH).replace(/\s+\S*$/, "")}…`;
}

/** Identity for an entry with neither id nor link: its title, date and content. */
function fingerprint(entry: ParsedEntry): string {
  const date = (entry.published ?? entry.updated)?.toISOString() ?? "";
  return `urn:sha256:${sha256Hex(`${entry.title ?? ""}\n${date}\n${entry.contentHtml ?? ""}`)}`;
}
