import type { MarkupBounds } from "./bound-markup.ts";

// Apart from the sanitizer, so that the health report can name the bounds without loading it.

/**
 * What one post may bring into the cleaning passes: far above real posts (a long post with
 * highlighted code is some 50 KB of HTML), far below what makes a page heavy or a build slow.
 */
export const CONTENT_BOUNDS: MarkupBounds = { maxLength: 100_000, maxDepth: 60 };

/**
 * Bytes of sanitized HTML one post may have: cleaning can grow markup (a relative link resolved
 * and given its rel is three times as long), so a post past this is cut again, shorter.
 */
export const MAX_CONTENT_BYTES = 200_000;
