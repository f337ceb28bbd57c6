import type { ByteRange } from "../model/site.ts";
import { hashContent } from "./cache-files.ts";
import { type FeedContent, feedContentSchema } from "./feed-record.ts";

/** A source's content as its content file's bytes. */
export interface SerializedContent {
  /** The content as validated: what the bytes hold. */
  content: FeedContent;
  bytes: Buffer;
  sha256: string;
}

/** Posts and events as a content file's bytes, validated, and their sha256. */
export function serializeContent(content: FeedContent): SerializedContent {
  const valid = feedContentSchema.parse({ posts: content.posts, events: content.events });
  const bytes = Buffer.from(`${JSON.stringify(valid)}\n`);
  return { content: valid, bytes, sha256: hashContent(bytes) };
}

/**
 * The bytes of the content file that holds `content` and hashes to `contentSha256`, made again
 * as the store writes them, or null when they come out otherwise (a file written by an earlier
 * version).
 */
export function contentFileBytes(content: FeedContent, contentSha256: string): Buffer | null {
  const serialized = serializeContent(content);
  return serialized.sha256 === contentSha256 ? serialized.bytes : null;
}

const CONTENT_KEY = '"contentHtml":';

/**
 * Where each post's content is in the bytes of the content file that holds `posts`: the bytes of
 * its JSON string literal, quotes included; null for one not found (bytes not made from these
 * posts). Inside a string literal every `"` is escaped, so the key followed by the literal only
 * matches a post's own field, and the posts are searched for in the order they are written.
 */
export function findContentRanges(
  bytes: Buffer,
  posts: readonly { contentHtml: string }[],
): (ByteRange | null)[] {
  let from = 0;
  return posts.map(({ contentHtml }) => {
    const literal = JSON.stringify(contentHtml);
    const at = bytes.indexOf(`${CONTENT_KEY}${literal}`, from, "utf8");
    if (at === -1) return null;
    const start = at + CONTENT_KEY.length;
    const end = start + Buffer.byteLength(literal);
    from = end;
    return { start, end };
  });
}
