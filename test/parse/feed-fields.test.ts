import { describe, expect, it } from "vitest";
import {
  cleanAuthorName,
  cleanText,
  firstAuthorName,
  resolveBase,
  uniqueLabels,
} from "../../src/parse/feed-fields.ts";

describe("cleanAuthorName", () => {
  it.each([
    ["joe@example.org (Joe Bloggs)", "Joe Bloggs"],
    ["Joe Bloggs <joe@example.org>", "Joe Bloggs"],
    ["Joe Bloggs (joe@example.org)", "Joe Bloggs"],
    ["  Joe \n Bloggs ", "Joe Bloggs"],
    ["Jörg Thalheim", "Jörg Thalheim"],
    ["@alice", "@alice"],
  ])("%s → %s", (input, expected) => {
    expect(cleanAuthorName(input)).toBe(expected);
  });

  it.each([["joe@example.org"], ["mailto:joe@example.org"], ["<joe@example.org>"], ["   "]])(
    "drops %s entirely",
    (input) => {
      expect(cleanAuthorName(input)).toBeNull();
    },
  );

  it("gives null for non-strings", () => {
    expect(cleanAuthorName(undefined)).toBeNull();
    expect(cleanAuthorName({ name: "x" })).toBeNull();
  });
});

describe("firstAuthorName", () => {
  it("skips candidates that are only e-mails or blank", () => {
    expect(firstAuthorName([undefined, "noreply@blogger.com", " ", "Sander"])).toBe("Sander");
    expect(firstAuthorName([])).toBeNull();
  });
});

describe("cleanText", () => {
  it("collapses whitespace and maps blank to null", () => {
    expect(cleanText(" a\n b ")).toBe("a b");
    expect(cleanText("")).toBeNull();
    expect(cleanText(2017)).toBe("2017");
  });
});

describe("uniqueLabels", () => {
  it("drops blanks and case-insensitive repeats, keeping the first spelling", () => {
    expect(uniqueLabels(["NixOS", "", " nixos ", "Nix", undefined, "nix"])).toEqual([
      "NixOS",
      "Nix",
    ]);
  });
});

describe("resolveBase", () => {
  it("resolves against an absolute parent", () => {
    expect(resolveBase("2017/", "https://x.example/blog/")).toBe("https://x.example/blog/2017/");
    expect(resolveBase("/root/", "https://x.example/blog/")).toBe("https://x.example/root/");
  });

  it("inherits the parent when there is no own base", () => {
    expect(resolveBase(undefined, "https://x.example/blog/")).toBe("https://x.example/blog/");
    expect(resolveBase(" ", null)).toBeNull();
  });

  it("keeps a relative base raw when the parent is relative or missing", () => {
    expect(resolveBase("posts/", "/blog/")).toBe("posts/");
    expect(resolveBase("posts/", null)).toBe("posts/");
    expect(resolveBase("https://y.example/a/", null)).toBe("https://y.example/a/");
  });
});
