import { describe, expect, it } from "vitest";
import { sha256Hex } from "../../src/text/sha256.ts";

// FIPS 180-2's own example: sha256("abc").
const ABC = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

describe("sha256Hex", () => {
  it("gives all 64 hex digits of a string's or the same bytes' sha256", () => {
    expect(sha256Hex("abc")).toBe(ABC);
    expect(sha256Hex(new TextEncoder().encode("abc"))).toBe(ABC);
  });

  it("hashes a string as UTF-8", () => {
    expect(sha256Hex("Zoë")).toBe(sha256Hex(Buffer.from("Zoë", "utf8")));
    expect(sha256Hex("Zoë")).not.toBe(sha256Hex(Buffer.from("Zoë", "latin1")));
  });

  it("keeps only the first digits when asked", () => {
    expect(sha256Hex("abc", 16)).toBe(ABC.slice(0, 16));
  });
});
