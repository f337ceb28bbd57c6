import { describe, expect, it } from "vitest";
import { resolveBase, resolveHttpUrl } from "../../src/normalize/resolve-url.ts";

describe("resolveBase", () => {
  it("takes the nearest base, made absolute by the outer ones", () => {
    expect(resolveBase(["c/", "/b/", "https://x.example/a/"])).toBe("https://x.example/b/c/");
  });

  it("skips missing bases and stops a relative chain with no absolute base", () => {
    expect(resolveBase([null, "https://x.example/a/", null])).toBe("https://x.example/a/");
    expect(resolveBase(["c/", "/b/"])).toBeNull();
    expect(resolveBase([])).toBeNull();
  });

  it("lets an absolute inner base override the outer ones", () => {
    expect(resolveBase(["https://y.example/", "https://x.example/a/"])).toBe("https://y.example/");
  });
});

describe("resolveHttpUrl with a chain of bases", () => {
  it("keeps absolute URLs and resolves relative ones against the nearest base", () => {
    expect(resolveHttpUrl("https://z.example/p", "https://x.example/")).toBe("https://z.example/p");
    expect(resolveHttpUrl("p.html", null, "https://x.example/a/")).toBe(
      "https://x.example/a/p.html",
    );
    expect(resolveHttpUrl(" p.html ", "sub/", "https://x.example/a/")).toBe(
      "https://x.example/a/sub/p.html",
    );
  });

  it("returns null for nothing, blanks, and relative URLs without a base", () => {
    expect(resolveHttpUrl(null, "https://x.example/")).toBeNull();
    expect(resolveHttpUrl("   ", "https://x.example/")).toBeNull();
    expect(resolveHttpUrl("p.html")).toBeNull();
  });
});

describe("resolveHttpUrl", () => {
  it("keeps only http(s) results", () => {
    expect(resolveHttpUrl("/p", "http://x.example/")).toBe("http://x.example/p");
    expect(resolveHttpUrl("javascript:alert(1)", "https://x.example/")).toBeNull();
    expect(resolveHttpUrl("mailto:a@x.example", "https://x.example/")).toBeNull();
    expect(resolveHttpUrl("p", "ftp://x.example/")).toBeNull();
  });

  it("does not mistake a scheme that merely starts with http for http", () => {
    expect(resolveHttpUrl("httpx://x.example/")).toBeNull();
    expect(resolveHttpUrl("https-evil:alert(1)")).toBeNull();
  });
});
