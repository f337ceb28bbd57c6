import { createHash } from "node:crypto";
import type { Post } from "../model/post.ts";
import { oncePerObject } from "./once-per-object.ts";

// Kept on globalThis: the render fingerprint imports this module, and Astro's bundle of the pages
// a copy of it; both see the same post objects, so one map saves hashing every post twice.
const DIGESTS = Symbol.for("planet.post-digests");
const registry = globalThis as { [DIGESTS]?: WeakMap<Post, string> };
registry[DIGESTS] ??= new WeakMap();

/**
 * A hash of everything about a post that a page or feed can show, made once per post object: the
 * render fingerprint and the page cache keys both need it for every post. The content is hashed
 * as it is rather than as JSON, which would escape all of it first (that doubled the cost).
 */
export const postDigest = oncePerObject((post: Post): string => {
  const { contentHtml, ...fields } = post;
  return createHash("sha256")
    .update(JSON.stringify(fields))
    .update(contentHtml)
    .digest("base64url");
}, registry[DIGESTS]);
