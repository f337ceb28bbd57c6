import { describe, expect, it } from "vitest";
import { limitText, TEXT_LIMITS } from "../../src/text/limit-text.ts";

describe("limitText", () => {
  it("leaves text within the limit as it is", () => {
    expect(limitText("Deploying with Disnix", 21)).toBe("Deploying with Disnix");
  });

  it("cuts after the last whole word and marks the cut with an ellipsis", () => {
    expect(limitText("Deploying services with Disnix", 20)).toBe("Deploying services…");
  });

  it("cuts a text without spaces at the limit", () => {
    const cut = limitText("x".repeat(TEXT_LIMITS.title * 1_000), TEXT_LIMITS.title);
    expect(cut).toBe(`${"x".repeat(TEXT_LIMITS.title - 1)}…`);
  });

  it("never splits a character outside the basic plane", () => {
    const cut = limitText("🎉".repeat(10), 6);
    expect(cut).toBe("🎉🎉…");
    // In a /u pattern a pair is one character: \p{Cs} matches only a half left alone.
    expect(cut).not.toMatch(/\p{Cs}/u);
  });
});
