import { XMLBuilder } from "fast-xml-parser";
import { removeUnprintable } from "../text/remove-unprintable.ts";

/**
 * An XML element as `writeXml` takes it: attributes under `@_name`, text under `#text`, child
 * elements under their names in document order, an array for a repeated element.
 */
export interface XmlElement {
  [name: string]: string | XmlElement | XmlElement[] | string[] | undefined;
}

const builder = new XMLBuilder({
  ignoreAttributes: false,
  attributeNamePrefix: "@_",
  textNodeName: "#text",
  format: true,
  indentBy: "  ",
  suppressEmptyNode: true,
  // Every `&`, `<`, `>` and quote in text and attributes is escaped, entity-like or not: text
  // `&lt;script&gt;` reaches readers as that text, never as markup.
  processEntities: true,
  // What XML 1.0 cannot carry at all (control characters, lone surrogates) is dropped from every
  // text and attribute, before escaping, so no renderer has to remember to.
  tagValueProcessor: (_name: string, value: unknown) => removeUnprintable(String(value)),
  attributeValueProcessor: (_name: string, value: unknown) => removeUnprintable(String(value)),
});

/** An XML 1.0 document with `root` as its only element, pretty-printed. */
export function writeXml(root: XmlElement): string {
  return builder.build({ "?xml": { "@_version": "1.0", "@_encoding": "UTF-8" }, ...root });
}
