import { describe, expect, it } from "vitest";
import {
  LINK_SCHEMES,
  MEDIA_SCHEMES,
  parseBaseUrl,
  resolveSrcset,
  resolveUrl,
} from "../../src/sanitize/resolve-url.ts";

const BASE = "https://blog.example.org/2024/post.html";

describe("resolveUrl", () => {
  // Attribute values arrive entity-decoded, so these are what `&#9;`, `&#10;`… turn into.
  it.each([
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    "java\tscript:alert(1)",
    "java\nscript:alert(1)",
    "java\rscript:alert(1)",
    " \u0001\u0008 javascript:alert(1)",
    "\u000e  javascript:alert(1)",
    "vbscript:msgbox(1)",
    "data:text/html,<script>alert(1)</script>",
    "data:image/png;base64,AAAA",
    "file:///etc/passwd",
    "x-evil:payload",
  ])("refuses %j as a link", (raw) => {
    expect(resolveUrl(raw, BASE, LINK_SCHEMES)).toBeNull();
  });

  it("accepts mailto for links only", () => {
    expect(resolveUrl("mailto:a@example.org", BASE, LINK_SCHEMES)).toBe("mailto:a@example.org");
    expect(resolveUrl("mailto:a@example.org", BASE, MEDIA_SCHEMES)).toBeNull();
  });

  it("resolves relative references and normalises the result", () => {
    expect(resolveUrl("../a b.png", BASE, MEDIA_SCHEMES)).toBe(
      "https://blog.example.org/a%20b.png",
    );
    expect(resolveUrl("  //CDN.example.org/x ", BASE, MEDIA_SCHEMES)).toBe(
      "https://cdn.example.org/x",
    );
  });

  it("refuses what cannot be resolved", () => {
    expect(resolveUrl("a.png", null, MEDIA_SCHEMES)).toBeNull();
    expect(resolveUrl("//cdn.example.org/x", null, MEDIA_SCHEMES)).toBeNull();
    expect(resolveUrl("https://[::1", BASE, MEDIA_SCHEMES)).toBeNull();
    expect(resolveUrl("  ", BASE, MEDIA_SCHEMES)).toBeNull();
    expect(resolveUrl(undefined, BASE, MEDIA_SCHEMES)).toBeNull();
  });
});

describe("parseBaseUrl", () => {
  it("keeps an absolute URL and rejects anything else", () => {
    expect(parseBaseUrl(" https://example.org/a ")).toBe("https://example.org/a");
    expect(parseBaseUrl("/relative/only")).toBeNull();
    expect(parseBaseUrl(null)).toBeNull();
  });
});

describe("resolveSrcset", () => {
  it("resolves good candidates and drops bad ones", () => {
    const srcset = "a.png 1x, javascript:alert(1) 2x,data:image/png;base64,AA 3x, b.png 640w";
    expect(resolveSrcset(srcset, BASE)).toBe(
      "https://blog.example.org/2024/a.png 1x, https://blog.example.org/2024/b.png 640w",
    );
  });

  it("drops candidates with malformed descriptors and handles bare URLs", () => {
    expect(resolveSrcset("a.png 2q, b.png, c.png,", BASE)).toBe(
      "https://blog.example.org/2024/b.png, https://blog.example.org/2024/c.png",
    );
  });

  it("is null when nothing is left", () => {
    expect(resolveSrcset("javascript:x 1x", BASE)).toBeNull();
    expect(resolveSrcset(" , ", BASE)).toBeNull();
    expect(resolveSrcset(undefined, BASE)).toBeNull();
  });
});
