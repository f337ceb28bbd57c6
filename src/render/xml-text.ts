// XML 1.0 forbids most C0 controls, U+FFFE/U+FFFF and unpaired surrogates, even escaped;
// feeds carry them anyway, and one of them makes the whole output unreadable to every reader.
const NOT_XML_CHAR =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Removes the characters XML 1.0 cannot carry; the XML builder escapes the rest. */
export function toXmlText(text: string): string {
  return text.replace(NOT_XML_CHAR, "");
}
