import { createHash } from "node:crypto";
import type { Post } from "../model/post.ts";
import { oncePerObject } from "./once-per-object.ts";

/**
 * A hash of everything about a post that a page can show, made once per post object: a post is
 * on its archive page, its member's page and its categories' pages, and each page's cache key
 * needs it. The content is hashed as it is rather than as JSON, which would escape all of it
 * first (that doubled the cost).
 */
export const postDigest = oncePerObject((post: Post): string => {
  const { contentHtml, ...fields } = post;
  return createHash("sha256")
    .update(JSON.stringify(fields))
    .update(contentHtml)
    .digest("base64url");
});
