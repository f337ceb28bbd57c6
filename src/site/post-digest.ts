import { createHash } from "node:crypto";
import type { ListedPost } from "../model/post.ts";
import { oncePerObject } from "./once-per-object.ts";

/**
 * A hash of everything about a post that a page can show, its content by its digest, made once per
 * post object: a post is on its archive page, its member's page and its categories' pages, and
 * each page's cache key needs it.
 */
export const postDigest = oncePerObject((post: ListedPost): string =>
  createHash("sha256").update(JSON.stringify(post)).digest("base64url"),
);
