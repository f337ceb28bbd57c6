import { removeUnprintable } from "../text/remove-unprintable.ts";

// xmlbuilder2 escapes `&` except where it starts something entity-like (`&lt;`, `&nbsp;`, `&#60;`,
// `&#x3C;`), which it passes through as markup: text `&lt;script&gt;` would reach readers as
// `<script>`, and `&nbsp;` would be an undefined entity. Escaping exactly those here makes every
// `&` escaped once.
const ENTITY_LIKE_AMPERSAND = /&(?=[A-Za-z][A-Za-z0-9]*;|#\d+;|#[xX][0-9A-Fa-f]+;)/g;

/** Makes text safe for the XML builder: drops what XML 1.0 cannot carry; the builder escapes the rest. */
export function toXmlText(text: string): string {
  return removeUnprintable(text).replace(ENTITY_LIKE_AMPERSAND, "&amp;");
}
