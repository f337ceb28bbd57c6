import { describe, expect, it } from "vitest";
import { describeFace, initialsOf, TONE_COUNT, toneOf } from "../../src/site/member-face.ts";
import { sampleSite } from "../helpers/sample-site.ts";

describe("initialsOf", () => {
  it("takes the first letters of the first and last words", () => {
    expect(initialsOf("Sander van der Burg")).toBe("SB");
    expect(initialsOf("edward tjörnhammar")).toBe("ET");
    expect(initialsOf("Mayflower")).toBe("M");
    expect(initialsOf("Ærø (Ørsted)")).toBe("ÆØ");
  });

  it("handles letters outside the BMP and names without letters", () => {
    expect(initialsOf("𝐀lpha 𝐁eta")).toBe("𝐀𝐁");
    expect(initialsOf("— !")).toBe("?");
  });
});

describe("toneOf", () => {
  it("gives a name the same tone every time, within range, and spreads names out", () => {
    const names = ["Ada", "Bob", "Carol", "Dave", "Eve", "Frank", "Grace", "Heidi", "Ivan"];
    const tones = names.map(toneOf);
    expect(names.map(toneOf)).toEqual(tones);
    for (const tone of tones) expect(tone >= 0 && tone < TONE_COUNT).toBe(true);
    expect(new Set(tones).size).toBeGreaterThan(3);
  });
});

describe("describeFace", () => {
  const site = sampleSite({ members: [], config: { link: "https://example.org/planet/" } });

  it("serves a face file from faces/ under the base path, URL-encoded", () => {
    expect(describeFace(site, "Ada", "ada lovelace.png").src).toBe(
      "/planet/faces/ada%20lovelace.png",
    );
    expect(describeFace(site, "Ada", "faces/ada.png").src).toBe("/planet/faces/ada.png");
  });

  it("uses an http(s) face URL as it is", () => {
    expect(describeFace(site, "Ada", "https://img.example/ada.jpg").src).toBe(
      "https://img.example/ada.jpg",
    );
  });

  it("falls back to initials without a face", () => {
    expect(describeFace(site, "Ada Lovelace", null)).toEqual({
      src: null,
      initials: "AL",
      tone: toneOf("Ada Lovelace"),
    });
  });
});
