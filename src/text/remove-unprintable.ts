// C0 controls other than tab, line feed and carriage return, U+FFFE/U+FFFF and unpaired
// surrogates: never meaningful text, forbidden in XML even escaped, and enough to make tools
// treat a whole page as binary. Feeds carry them anyway.
const UNPRINTABLE =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Drops the characters no page, feed or calendar should carry. */
export function removeUnprintable(text: string): string {
  return text.replace(UNPRINTABLE, "");
}
