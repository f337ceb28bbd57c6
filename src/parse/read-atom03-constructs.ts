import { DomUtils, parseDocument } from "htmlparser2";

/** The Atom 0.3 namespace (Atom 1.0 dropped `mode`). */
const ATOM_03_NS = "http://purl.org/atom/ns#";

/** A `version="0.3"` attribute, wherever it is. */
const VERSION_03 = /\bversion\s*=\s*["']\s*0\.3\s*["']/;

/** Atom 0.3 MIME types whose value is markup. */
const MARKUP_TYPES = new Set(["text/html", "application/xhtml+xml", "html", "xhtml"]);

/** An Atom 0.3 text construct decoded from its `mode`: markup (HTML) or plain text. */
export interface DecodedConstruct {
  markup: boolean;
  value: string;
}

/** The constructs of one entry that feedsmith cannot read right (it ignores `mode`). */
export interface Atom03Entry {
  title: DecodedConstruct | null;
  summary: DecodedConstruct | null;
  content: DecodedConstruct | null;
}

/** An Atom 0.3 feed's title and entries, in document order, decoded where feedsmith falls short. */
export interface Atom03Constructs {
  title: DecodedConstruct | null;
  entries: Atom03Entry[];
}

type Element = ReturnType<typeof DomUtils.getElementsByTagName>[number];
type Node = ReturnType<typeof DomUtils.getChildren>[number];

const isElement = (node: Node): node is Element => "attribs" in node;

const localName = (name: string) => name.slice(name.indexOf(":") + 1);

function childrenNamed(parent: Element, name: string): Element[] {
  return DomUtils.getChildren(parent).filter(
    (node): node is Element => isElement(node) && localName(node.name) === name,
  );
}

/**
 * An Atom 0.3 construct as its `mode` says: `base64` decoded, `escaped` unescaped (once, by the
 * XML parser), `xml` (the default) as the inline markup it holds. Inline child elements in a
 * `text/plain` construct ("naked markup", as old Atom 0.3 generators wrote titles and summaries)
 * are markup too, as feedparser reads them. Null when feedsmith's own reading is right: escaped
 * or plain text without child elements.
 */
function decodeConstruct(element: Element | undefined): DecodedConstruct | null {
  if (element === undefined) return null;
  const mode = (element.attribs.mode ?? "xml").trim().toLowerCase();
  const typed = MARKUP_TYPES.has((element.attribs.type ?? "text/plain").trim().toLowerCase());
  if (mode === "base64") {
    const text = DomUtils.textContent(element).replace(/\s+/g, "");
    return { markup: typed, value: Buffer.from(text, "base64").toString("utf8") };
  }
  if (mode !== "xml" || !DomUtils.getChildren(element).some(isElement)) return null;
  const inner = DomUtils.getInnerHTML(element, { xmlMode: true, decodeEntities: true });
  return { markup: true, value: inner };
}

function decodeEntry(entry: Element): Atom03Entry {
  return {
    title: decodeConstruct(childrenNamed(entry, "title")[0]),
    summary: decodeConstruct(childrenNamed(entry, "summary")[0]),
    content: decodeConstruct(childrenNamed(entry, "content")[0]),
  };
}

/** Reads an Atom 0.3 document's text constructs; null for any other document. */
export function readAtom03Constructs(text: string): Atom03Constructs | null {
  // A root that says it is Atom 0.3 says so in one of these two ways: a document that holds
  // neither anywhere (every Atom 1.0 feed, as a rule) is not parsed a second time to find out.
  if (!text.includes(ATOM_03_NS) && !VERSION_03.test(text)) return null;
  const root = DomUtils.getChildren(parseDocument(text, { xmlMode: true })).find(isElement);
  if (root === undefined || localName(root.name) !== "feed") return null;
  const namespaces = Object.entries(root.attribs).filter(([name]) => /^xmlns(:|$)/.test(name));
  const isAtom03 =
    root.attribs.version?.trim() === "0.3" || namespaces.some(([, uri]) => uri === ATOM_03_NS);
  if (!isAtom03) return null;
  return {
    title: decodeConstruct(childrenNamed(root, "title")[0]),
    entries: childrenNamed(root, "entry").map(decodeEntry),
  };
}
