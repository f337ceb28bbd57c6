// XML 1.0 forbids most C0 controls, U+FFFE/U+FFFF and unpaired surrogates, even escaped;
// feeds carry them anyway, and one of them makes the whole output unreadable to every reader.
const NOT_XML_CHAR =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

// xmlbuilder2 escapes `&` except where it starts something entity-like (`&lt;`, `&nbsp;`, `&#60;`),
// which it passes through as markup: text `&lt;script&gt;` would reach readers as `<script>`, and
// `&nbsp;` would be an undefined entity. Escaping exactly those here makes every `&` escaped once.
const ENTITY_LIKE_AMPERSAND = /&(?=[A-Za-z]+;|#\d+;)/g;

/** Makes text safe for the XML builder: drops what XML 1.0 cannot carry; the builder escapes the rest. */
export function toXmlText(text: string): string {
  return text.replace(NOT_XML_CHAR, "").replace(ENTITY_LIKE_AMPERSAND, "&amp;");
}
