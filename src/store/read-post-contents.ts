import { closeSync, openSync, readSync } from "node:fs";
import { join } from "node:path";
import { contentDigestOf, type ListedPost } from "../model/post.ts";
import type { ContentLocation, PostContents } from "../model/site.ts";
import { contentFileName } from "./cache-files.ts";
import { readCachedContent } from "./read-cached-record.ts";

/**
 * Reads into `contents.loaded` the contents of those of `posts` not read yet. A post whose
 * listing says where its content is in its content file is read from there alone: a page shows
 * one or two posts of each of ~30 sources, whose whole files are ~20 times that. A post read so
 * must be the one listed, its content hashing to its `contentDigest`; where anything is off, or
 * where is not known, the whole file is read and checked against its sha256, with all its posts.
 * A file found missing or damaged is set aside, so that the next build fetches its source
 * afresh, and this build stops with the reason: a page must not go out without its posts, and
 * the last site stays in place.
 */
export async function readPostContents(
  contents: PostContents,
  posts: readonly ListedPost[],
): Promise<void> {
  const unreadByFile = new Map<string, { file: ContentLocation["file"]; posts: Located[] }>();
  for (const post of posts) {
    if (contents.loaded.has(post.key)) continue;
    const location = contents.locations.get(post.key);
    if (location === undefined) throw new Error(`${post.feedUrl}: no content file holds its posts`);
    const { file, range } = location;
    const unread = unreadByFile.get(file.url) ?? { file, posts: [] };
    unread.posts.push({ post, range });
    unreadByFile.set(file.url, unread);
  }
  for (const { file, posts: unread } of unreadByFile.values()) {
    const listed = readListedContents(contents.cacheDir, file, unread);
    if (listed !== null) {
      for (const [key, html] of listed) contents.loaded.set(key, html);
      continue;
    }
    const read = await readCachedContent(contents.cacheDir, file);
    if (read.content === null) throw new Error(`${file.url}: ${read.problem}`);
    for (const post of read.content.posts) contents.loaded.set(post.key, post.contentHtml);
  }
}

/** A post to read, and where its listing says its content is. */
interface Located {
  post: ListedPost;
  range: ContentLocation["range"];
}

/**
 * The contents of `posts` by key, each read from its range of `file` (one open, one read per
 * post), or null unless every one has a range and it holds the content listed.
 */
function readListedContents(
  cacheDir: string,
  file: ContentLocation["file"],
  posts: readonly Located[],
): Map<string, string> | null {
  let fd: number;
  try {
    fd = openSync(join(cacheDir, contentFileName(file.url, file.contentSha256)), "r");
  } catch {
    return null;
  }
  try {
    const read = new Map<string, string>();
    for (const { post, range } of posts) {
      if (range === null) return null;
      const bytes = Buffer.allocUnsafe(range.end - range.start);
      if (readSync(fd, bytes, 0, bytes.length, range.start) !== bytes.length) return null;
      const html = parseStringLiteral(bytes);
      if (html === null || contentDigestOf(html) !== post.contentDigest) return null;
      read.set(post.key, html);
    }
    return read;
  } catch {
    // A read that fails is told apart, and reported, by reading the whole file.
    return null;
  } finally {
    closeSync(fd);
  }
}

/** The string a JSON string literal's bytes hold, or null if they are not one. */
function parseStringLiteral(bytes: Buffer): string | null {
  try {
    const value: unknown = JSON.parse(bytes.toString("utf8"));
    return typeof value === "string" ? value : null;
  } catch {
    return null;
  }
}
