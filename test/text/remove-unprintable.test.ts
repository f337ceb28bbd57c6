import { expect, it } from "vitest";
import { cleanText } from "../../src/parse/feed-fields.ts";
import { sanitizeContent } from "../../src/sanitize/sanitize-content.ts";
import { removeUnprintable } from "../../src/text/remove-unprintable.ts";

it("drops C0 controls, U+FFFE/U+FFFF and lone surrogates, and keeps tab, newlines and emoji", () => {
  expect(removeUnprintable("a\u0000b\u0007c\u001Fd\uFFFEe\uD800f\uDC00g")).toBe("abcdefg");
  expect(removeUnprintable("tab\tline\nreturn\r 🦀")).toBe("tab\tline\nreturn\r 🦀");
});

it("keeps them out of post content and titles", () => {
  expect(sanitizeContent("<p>a\u0000b\u000Bc</p>", null)).toBe("<p>abc</p>");
  expect(cleanText("Title\u0001 with\u0000 controls")).toBe("Title with controls");
});
