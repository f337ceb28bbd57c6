import { describe, expect, it } from "vitest";
import { sanitizeContent } from "../../src/sanitize/sanitize-content.ts";
import {
  sanitizedInputDigest,
  sanitizeOnce,
  sanitizerCode,
} from "../../src/sanitize/sanitize-once.ts";

const HTML = '<p><a href="post.html">a post</a><script>alert(1)</script></p>';
const BASE = "https://alice.example.org/2017/";
const OPTIONS = { originalUrl: "https://alice.example.org/2017/post.html" };

describe("sanitizedInputDigest", () => {
  it("changes with every input the sanitizer's output depends on", () => {
    const digests = [
      sanitizedInputDigest(HTML, BASE, OPTIONS),
      sanitizedInputDigest(`${HTML} `, BASE, OPTIONS),
      sanitizedInputDigest(HTML, "https://alice.example.org/", OPTIONS),
      sanitizedInputDigest(HTML, null, OPTIONS),
      sanitizedInputDigest(HTML, BASE, { originalUrl: null }),
      sanitizedInputDigest(HTML, BASE, { ...OPTIONS, embeds: "link" }),
    ];
    expect(new Set(digests).size).toBe(digests.length);
    expect(sanitizedInputDigest(HTML, BASE, OPTIONS)).toBe(digests[0]);
  });

  it("tells an input from one whose parts are split differently", () => {
    // The base ends where the HTML begins: no shifting of text between them makes a match.
    expect(sanitizedInputDigest('"]\n<p>x</p>', "a", {})).not.toBe(
      sanitizedInputDigest("<p>x</p>", 'a"]\n', {}),
    );
  });

  it("includes a digest of the sanitizer's code", () => {
    expect(sanitizerCode()).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe("sanitizeOnce", () => {
  it("sanitizes content it has not seen, and says what made it", () => {
    const traced = sanitizeOnce(HTML, BASE, OPTIONS, new Map());
    expect(traced).toEqual({
      html: sanitizeContent(HTML, BASE, OPTIONS),
      shortened: false,
      input: sanitizedInputDigest(HTML, BASE, OPTIONS),
    });
  });

  it("takes the earlier output of the same input as it is", () => {
    const input = sanitizedInputDigest(HTML, BASE, OPTIONS);
    const earlier = new Map([[input, { html: "<p>earlier</p>", shortened: true }]]);
    expect(sanitizeOnce(HTML, BASE, OPTIONS, earlier)).toEqual({
      html: "<p>earlier</p>",
      shortened: true,
      input,
    });
    expect(sanitizeOnce(HTML, null, OPTIONS, earlier).html).toBe(
      sanitizeContent(HTML, null, OPTIONS),
    );
  });
});
