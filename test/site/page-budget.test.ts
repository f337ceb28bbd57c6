import { describe, expect, it } from "vitest";
import type { Post } from "../../src/model/post.ts";
import { PAGE_CONTENT_BYTES, wordLimitsOnPage } from "../../src/site/page-budget.ts";
import { EXCERPT_WORDS } from "../../src/site/truncate-html.ts";
import { adaPost as post } from "../helpers/sample-site.ts";

/** A post of about 190 KB, as long as the content bounds let one be. */
const long = (n: number) =>
  post(n, { contentHtml: `<p>${"Reproducible builds everywhere. ".repeat(6_000)}</p>` });

const htmlOf = (p: Post) => p.contentHtml;

describe("wordLimitsOnPage", () => {
  it("shows a page of ordinary posts whole", () => {
    const posts = Array.from({ length: 60 }, (_, i) => post(i));
    expect(
      [...wordLimitsOnPage(posts, null, htmlOf).values()].every((limit) => limit === null),
    ).toBe(true);
  });

  it("shows excerpts once a page's whole posts would pass its budget", () => {
    const posts = Array.from({ length: 60 }, (_, i) => long(i));
    const limits = [...wordLimitsOnPage(posts, null, htmlOf).values()];
    const whole = Math.floor(PAGE_CONTENT_BYTES / Buffer.byteLength(long(0).contentHtml));
    expect(limits.slice(0, whole).every((limit) => limit === null)).toBe(true);
    expect(limits.slice(whole).every((limit) => limit === EXCERPT_WORDS)).toBe(true);
  });

  it("keeps the page's own word limit when it cuts every post already", () => {
    const posts = [long(1), long(2), long(3), long(4), long(5)];
    expect(new Set(wordLimitsOnPage(posts, 12, htmlOf).values())).toEqual(new Set([12]));
  });
});
