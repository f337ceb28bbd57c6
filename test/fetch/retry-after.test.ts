import { describe, expect, it } from "vitest";
import { parseRetryAfter } from "../../src/fetch/retry-after.ts";

describe("parseRetryAfter", () => {
  const now = Date.parse("2025-01-01T12:00:00Z");

  it("reads delay-seconds", () => {
    expect(parseRetryAfter("120", now)).toBe(120);
  });

  it("reads an HTTP date as seconds from now, never negative", () => {
    expect(parseRetryAfter("Wed, 01 Jan 2025 12:01:30 GMT", now)).toBe(90);
    expect(parseRetryAfter("Wed, 01 Jan 2025 11:00:00 GMT", now)).toBe(0);
  });

  it("returns null for a missing or unreadable value", () => {
    expect(parseRetryAfter(null, now)).toBeNull();
    expect(parseRetryAfter("soon", now)).toBeNull();
    expect(parseRetryAfter("-5", now)).toBeNull();
  });
});
