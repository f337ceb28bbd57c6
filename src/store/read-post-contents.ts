import type { ListedPost } from "../model/post.ts";
import type { PostContents } from "../model/site.ts";
import { readCachedContent } from "./read-cached-record.ts";

/**
 * Reads into `contents.loaded` the contents of those of `posts` not read yet: each source's
 * content file once, with all its posts (the pages of a build show a feed's posts on several
 * pages: its member's, the archive's, the front page). A file found missing or damaged is set
 * aside, so that the next build fetches its source afresh, and this build stops with the reason:
 * a page must not go out without its posts, and the last site stays in place.
 */
export async function readPostContents(
  contents: PostContents,
  posts: readonly ListedPost[],
): Promise<void> {
  const feeds = new Set<string>();
  for (const post of posts) if (!contents.loaded.has(post.key)) feeds.add(post.feedUrl);
  for (const feedUrl of feeds) {
    const file = contents.files.get(feedUrl);
    if (file === undefined) throw new Error(`${feedUrl}: no content file holds its posts`);
    const read = await readCachedContent(contents.cacheDir, file);
    if (read.content === null) throw new Error(`${feedUrl}: ${read.problem}`);
    for (const post of read.content.posts) contents.loaded.set(post.key, post.contentHtml);
  }
}
